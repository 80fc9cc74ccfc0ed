// Reads a Server-Sent Events feed through fetch (so an Authorization header
// goes with it — EventSource cannot send one) and reconnects after a cut, with
// a growing, jittered wait (core/backoff.ts) that starts over once a feed opens:
// a restarted server is not met by every console in the same second.
import {
  backoff,
  pause,
  SseParser,
  STORE_LINK_RECONNECT as RECONNECT,
  type BackoffPolicy,
  type SseMessage,
} from '../../core';

export function openSseFeed(
  url: string,
  headers: Record<string, string>,
  onMessage: (message: SseMessage) => void,
  onState?: (connected: boolean) => void,
  reconnect: BackoffPolicy = RECONNECT,
): () => void {
  const controller = new AbortController();
  const waits = backoff(reconnect);
  const run = async () => {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch(url, {
          headers: { ...headers, accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        waits.reset();
        onState?.(true);
        const parser = new SseParser();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (const message of parser.push(value)) onMessage(message);
        }
      } catch {
        // Server restarting or network cut: try again; each feed starts with a snapshot.
      }
      onState?.(false);
      await pause(waits.next(), controller.signal);
    }
  };
  void run();
  return () => controller.abort();
}
