// The size-chart API against a real store server: mirrors and staff read the
// charts, only a manager changes one, and a bad chart changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreServer } from '@vitrine/store-server/server';
import { SizeChartList } from '@vitrine/shared/core';
import { startTestServer } from '../support/test-server';
import { deviceAuth } from './mirror-page';
import { signIn as staffBearer } from './measuring-station-helpers';

let server: StoreServer;
beforeAll(async () => {
  server = await startTestServer({ demoScale: 50 });
});
afterAll(async () => {
  await server?.close();
});

const signIn = (userId: string) => staffBearer(server, userId);

const charts = async (authorization?: string) => {
  const response = await fetch(`${server.url}/api/v1/sizing/charts`, {
    headers: authorization ? { authorization } : {},
  });
  return { status: response.status, body: (await response.json()) as unknown };
};

const put = async (authorization: string, chart: unknown) =>
  (
    await fetch(`${server.url}/api/v1/sizing/charts`, {
      method: 'PUT',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(chart),
    })
  ).status;

const chart = {
  brand: 'Galet',
  system: 'letters',
  rows: [
    { size: 'S', chest: [84, 92] },
    { size: 'M', chest: [92, 100] },
  ],
};

describe('size charts API', () => {
  it('serves the demo charts to a mirror and to staff, not to strangers', async () => {
    const mirror = await charts(deviceAuth(server, 'mirror'));
    expect(mirror.status).toBe(200);
    const list = SizeChartList.parse(mirror.body);
    expect(list.charts.length).toBeGreaterThan(10);
    expect((await charts(await signIn('staff'))).status).toBe(200);
    expect((await charts()).status).toBe(401);
    expect((await charts('Bearer mirror-x.aaaaaaaaaaaaaaaaaaaaaaaa')).status).toBe(401);
  });

  it('lets a manager set a chart; staff get 403 and a bad chart 400', async () => {
    const before = await charts(deviceAuth(server, 'mirror'));
    expect(await put(await signIn('staff'), chart)).toBe(403);
    const manager = await signIn('manager');
    expect(await put(manager, { ...chart, rows: [{ size: 'S', chest: [92, 84] }] })).toBe(400);
    expect(await put(manager, { ...chart, rows: [] })).toBe(400);
    expect((await charts(deviceAuth(server, 'mirror'))).body).toEqual(before.body);
    expect(await put(manager, chart)).toBe(200);
    const after = SizeChartList.parse((await charts(deviceAuth(server, 'mirror'))).body);
    expect(after.charts.find((c) => c.brand === 'Galet' && c.system === 'letters')).toEqual(chart);
  });
});
