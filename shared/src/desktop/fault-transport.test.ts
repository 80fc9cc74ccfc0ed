import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, routeUrl } from '../core';
import { faultsUrl, FaultReport, makeFaultReport } from './fault-report';
import { outcomeOf, postFault } from './fault-transport';

type Received = { url: string | undefined; auth: string | undefined; body: unknown };

const report = makeFaultReport(
  { kind: 'renderer-hung', detail: 'unresponsive for 15000 ms', action: 'reload' },
  {
    app: 'signage',
    appVersion: '1.2.3',
    id: '0190a6f0-1111-7000-8000-000000000001',
    at: new Date(0),
  },
);

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

describe('postFault against a real HTTP server on loopback', () => {
  const received: Received[] = [];
  let status = 201;
  let server: Server;
  let base = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      void readBody(request).then((body) => {
        received.push({ url: request.url, auth: request.headers.authorization, body });
        response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('POSTs the report as JSON with the device bearer', async () => {
    const target = { url: faultsUrl(base, 'sig-01'), authorization: 'Bearer sig-01.secret' };
    await expect(postFault(fetch, target, report)).resolves.toBe('sent');
    expect(received.at(-1)?.url).toBe(
      routeUrl('', apiRoutes.devices.reportFault, { params: { id: 'sig-01' } }),
    );
    expect(received.at(-1)?.auth).toBe('Bearer sig-01.secret');
    expect(FaultReport.parse(received.at(-1)?.body)).toEqual(report);
  });

  it('asks for a retry when the endpoint is missing or the server fails', async () => {
    const target = { url: faultsUrl(base, 'sig-01'), authorization: 'Bearer x' };
    status = 404;
    await expect(postFault(fetch, target, report)).resolves.toBe('retry');
    status = 503;
    await expect(postFault(fetch, target, report)).resolves.toBe('retry');
    status = 400;
    await expect(postFault(fetch, target, report)).resolves.toBe('drop');
  });

  it('asks for a retry when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const target = { url: faultsUrl(`http://127.0.0.1:${port}`, 'k'), authorization: 'Bearer x' };
    await expect(postFault(fetch, target, report, 2_000)).resolves.toBe('retry');
  });
});

describe('outcomeOf', () => {
  it('classifies statuses', () => {
    expect([200, 201, 204, 409].map(outcomeOf)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect([401, 403, 404, 408, 429, 500, 502].map(outcomeOf).every((o) => o === 'retry')).toBe(
      true,
    );
    expect([400, 413, 422].map(outcomeOf)).toEqual(['drop', 'drop', 'drop']);
  });
});

describe('faultsUrl', () => {
  it('encodes the device id and ignores any path on the server URL', () => {
    const route = apiRoutes.devices.reportFault;
    expect(faultsUrl('https://store.lan:8443/', 'a b')).toBe(
      routeUrl('https://store.lan:8443', route, { params: { id: 'a b' } }),
    );
    expect(faultsUrl('https://store.lan:8443/some/path', 'a b')).toBe(
      faultsUrl('https://store.lan:8443', 'a b'),
    );
  });
});
