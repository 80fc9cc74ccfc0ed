// openSseFeed over real HTTP: a feed refused or cut comes back by itself,
// waiting at least the floor of its backoff between tries (core/backoff.ts).
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSse } from '@vitrine/shared/core';
import { openSseFeed } from '@vitrine/shared/ui';
import { waitFor } from '../support/test-server';

/** Refuses the first `refusals` requests with 503, then streams one message per connection. */
const attempts: number[] = [];
let refusals = 0;
const open = new Set<ServerResponse>();
const server = createServer((_req, res) => {
  attempts.push(performance.now());
  if (attempts.length <= refusals) return res.writeHead(503).end();
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  res.write(formatSse('hello', { connection: attempts.length }));
  open.add(res);
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('openSseFeed', () => {
  it('retries a refused feed with waits above the floor, and comes back after a cut', async () => {
    refusals = 3;
    const floorMs = 40;
    const messages: string[] = [];
    const states: boolean[] = [];
    const close = openSseFeed(
      url,
      {},
      (message) => messages.push(message.data),
      (connected) => states.push(connected),
      { firstMs: 80, maxMs: 200, floorMs },
    );
    await waitFor(() => messages.length === 1, 'the feed after three refusals');
    expect(attempts).toHaveLength(4);
    const gaps = attempts.slice(1).map((at, i) => at - attempts[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(floorMs - 5);
    expect(messages[0]).toBe(JSON.stringify({ connection: 4 }));

    for (const res of open) res.end(); // the server cuts the feed
    open.clear();
    await waitFor(() => messages.length === 2, 'the feed after a cut');
    expect(messages[1]).toBe(JSON.stringify({ connection: 5 }));
    expect(states).toEqual([false, false, false, true, false, true]);
    close();
  });
});
