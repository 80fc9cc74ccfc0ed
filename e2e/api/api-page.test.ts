// The console's API page renders the OpenAPI document the route table makes:
// one entry per route, with who may call it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiRoutes, type RouteGroup } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';

let server: StoreServer;
beforeAll(async () => {
  server = await startTestServer({ demoScale: 20 });
});
afterAll(async () => {
  await server?.close();
});

it('lists every route of the table, grouped, with who may call it', async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/console/api.html`);
    const routes = Object.values(apiRoutes).flatMap((group: RouteGroup) => Object.values(group));
    await expect
      .poll(() => page.locator('article.operation').count(), { timeout: 15_000 })
      .toBe(routes.length);
    const rename = page.locator('article#fleet\\.rename');
    await expect.poll(() => rename.textContent()).toContain('/api/v1/fleet/{id}/name');
    expect(await rename.textContent()).toContain('staff with a role of: manager, publisher');
    expect(await page.locator('section#devices h2').textContent()).toBe('devices');
  } finally {
    await browser.close();
  }
}, 60_000);
