// Until the server says it is ready, every request gets 503 "starting" (JSON
// on the API, text elsewhere) with Retry-After; then requests pass through.
import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, apiRoutes } from '@vitrine/shared/core';
import { startupGate } from './startup-gate';

const gate = startupGate();
let base = '';
const health = API_PREFIX + apiRoutes.health.health.path;
let close: () => void = () => undefined;

beforeAll(async () => {
  const app = express();
  app.use(gate.middleware);
  app.get(health, (_req, res) => res.json({ status: 'ok' }));
  app.get('/kiosk/', (_req, res) => res.send('kiosk'));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe('start-up gate', () => {
  it('answers 503 starting on every route until open, then lets requests through', async () => {
    const starting = await fetch(`${base}${health}`);
    expect(starting.status).toBe(503);
    expect(starting.headers.get('retry-after')).toBe('1');
    expect(await starting.json()).toEqual({ status: 'starting' });
    const unknownApi = await fetch(`${base}${API_PREFIX}/anything`, { method: 'POST' });
    expect([unknownApi.status, await unknownApi.json()]).toEqual([503, { status: 'starting' }]);
    const page = await fetch(`${base}/kiosk/`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('starting');

    gate.open();
    expect(gate.isOpen()).toBe(true);
    expect(await (await fetch(`${base}${health}`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${base}/kiosk/`)).text()).toBe('kiosk');
  });
});
