// The size-chart API against a real store server: mirrors and staff read the
// charts, only a manager changes one, and a bad chart changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SizeChart } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { startTestServer } from '../support/test-server';
import { deviceAuth } from './mirror-page';
import { apiAs, signIn as staffBearer } from './measuring-station-helpers';

let server: StoreServer;
beforeAll(async () => {
  server = await startTestServer({ demoScale: 50 });
});
afterAll(async () => {
  await server?.close();
});

const signIn = (userId: string) => staffBearer(server, userId);

/** The charts as one caller sees them, parsed with the route's schema (SizeChartList). */
const charts = (authorization?: string) => apiAs(server, authorization).sizing.charts();
const put = (authorization: string, chart: SizeChart) =>
  apiAs(server, authorization).sizing.saveChart({ body: chart });

const chart: SizeChart = {
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
    expect(mirror.charts.length).toBeGreaterThan(10);
    await expect(charts(await signIn('staff'))).resolves.toBeDefined();
    await expect(charts()).rejects.toMatchObject({ status: 401 });
    await expect(charts('Bearer mirror-x.aaaaaaaaaaaaaaaaaaaaaaaa')).rejects.toMatchObject({
      status: 401,
    });
  });

  it('lets a manager set a chart; staff get 403 and a bad chart 400', async () => {
    const before = await charts(deviceAuth(server, 'mirror'));
    await expect(put(await signIn('staff'), chart)).rejects.toMatchObject({ status: 403 });
    const manager = await signIn('manager');
    await expect(
      put(manager, { ...chart, rows: [{ size: 'S', chest: [92, 84] }] }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(put(manager, { ...chart, rows: [] })).rejects.toMatchObject({ status: 400 });
    expect(await charts(deviceAuth(server, 'mirror'))).toEqual(before);
    expect(await put(manager, chart)).toEqual(chart);
    const after = await charts(deviceAuth(server, 'mirror'));
    expect(after.charts.find((c) => c.brand === 'Galet' && c.system === 'letters')).toEqual(chart);
  });
});
