// A device's first copy held incomplete, for the scan-while-filling tests: its
// first pull gets a small page, every later pull waits in the browser until the
// test releases them. The device then behaves as on a big store whose copy is
// still filling, however small the test's store is.
import type { Page, Route } from 'playwright-core';
import { apiRoutes, routeUrl } from '@vitrine/shared/core';

export type HeldPulls = {
  /** How many pull requests are waiting now. */
  waiting: () => number;
  /** Lets the waiting pulls and every later one through, as the store server answers them. */
  release: () => Promise<void>;
};

export async function holdPullsAfterFirstPage(
  page: Page,
  serverUrl: string,
  firstPageSize = 10,
): Promise<HeldPulls> {
  const held: Route[] = [];
  let released = false;
  let answered = 0;
  const pattern = `${routeUrl(serverUrl, apiRoutes.sync.pull, { query: { since: 0 } }).split('?')[0]}**`;
  await page.route(pattern, async (route) => {
    if (released) return route.continue();
    if (answered > 0) return void held.push(route);
    answered++;
    const url = new URL(route.request().url());
    url.searchParams.set('limit', String(firstPageSize));
    await route.fulfill({ response: await route.fetch({ url: url.href }) });
  });
  return {
    waiting: () => held.length,
    release: async () => {
      released = true;
      for (const route of held.splice(0)) await route.continue();
      await page.unroute(pattern);
    },
  };
}
