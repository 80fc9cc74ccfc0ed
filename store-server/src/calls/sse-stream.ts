// Opens a Server-Sent Events response. A comment every 15 s keeps proxies and
// idle timeouts from closing it; `onClose` fires once when the client goes.
import type { Request, Response } from 'express';
import { formatSse } from '@vitrine/shared/core';

export type SseStream = { send: (event: string, data: unknown) => void; closed: () => boolean };

export function openSse(req: Request, res: Response, onClose: () => void): SseStream {
  res.status(200).set({
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
  res.write(': open\n\n');
  let closed = false;
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  req.on('close', () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    onClose();
  });
  return {
    send: (event, data) => {
      if (!closed) res.write(formatSse(event, data));
    },
    closed: () => closed,
  };
}
