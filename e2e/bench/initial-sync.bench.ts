// Initial sync of a demo store (20k products in `npm run bench`, 100k in the
// `initial-sync-100k` suite) into Chromium's IndexedDB through the real kiosk
// page: time until a scan is answered, until every product is stored and until
// the whole copy is in, and what the copy takes on disk.
import { loadavg } from 'node:os';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { timeWedgeScan } from './kiosk-timing';
import { round, type BenchResult } from './stats';

export async function benchInitialSync(scale = 20_000): Promise<BenchResult[]> {
  const seedStart = performance.now();
  const server: StoreServer = await startTestServer({ demoScale: scale });
  const seedMs = performance.now() - seedStart;
  const lastProductRev = server.db
    .prepare(`SELECT MAX(rev) FROM sync_docs WHERE collection = 'products'`)
    .pluck()
    .get() as number;
  const head = server.docs.head();
  const variants = server.db
    .prepare(
      `SELECT SUM(json_array_length(body, '$.variants')) FROM sync_docs
       WHERE collection = 'products' AND deleted = 0`,
    )
    .pluck()
    .get() as number;
  const stockRows = (
    server.db
      .prepare(`SELECT body FROM sync_docs WHERE collection = 'stock'`)
      .pluck()
      .all() as string[]
  )
    .map(
      (body) =>
        (JSON.parse(body) as { levels: { locationId: string; quantities: object }[] }).levels,
    )
    .flat()
    .reduce((sum, level) => sum + Object.keys(level.quantities).length, 0);
  // The last product written: the one a first copy has last (asked of the server while filling).
  const late = server.db
    .prepare(
      `SELECT json_extract(body, '$.gtin') AS gtin, json_extract(body, '$.name.fr') AS name
       FROM sync_docs WHERE collection = 'products' AND deleted = 0
         AND json_type(body, '$.gtin') = 'text' ORDER BY rev DESC LIMIT 1`,
    )
    .get() as { gtin: string; name: string };
  const browser = await launchChromium();
  // tsx keeps function names with an `__name` helper that the page does not have.
  await browser.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  try {
    const page = await browser.newPage();
    const start = performance.now();
    // What the first scan waits for: the page's requests (the worker's too) from the start, in ms.
    const requests: string[] = [];
    const since = () => Math.round(performance.now() - start);
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (/\/api\/|\/kiosk\/$|\.js$/.test(path) && requests.length < 40)
        requests.push(`${path.replace(/^.*\/assets\//, '')} → ${since()}`);
    });
    let copyTimings = '';
    page.on('console', (message) => {
      if (message.text().startsWith('replication:')) copyTimings = message.text();
    });
    const checkpoint = async () =>
      Number(
        await page.getByTestId('sync-status').getAttribute('data-checkpoint', { timeout: 60_000 }),
      );
    await page.goto(`${server.url}/kiosk/`);
    await page.getByTestId('kiosk').waitFor({ timeout: 60_000 });
    const firstUiMs = performance.now() - start;
    const cdp = await page.context().newCDPSession(page);
    // Answered while the copy fills: the page shows the product and its stock, reviews come with the copy.
    // A scan not answered is a result to report (NOT met), not a reason to lose the copy's figures.
    let scanError: string | undefined;
    let firstScanMs = Number.NaN;
    try {
      await timeWedgeScan(page, cdp, late.gtin.slice(1), late.name, false);
      firstScanMs = performance.now() - start;
    } catch (error) {
      scanError = String(error).slice(0, 300);
    }
    const scanCheckpoint = await checkpoint();
    let scanReadyMs = 0;
    // 100k products take minutes on a loaded machine: a generous bound, and a message that says where it stopped.
    const deadline = start + 20 * 60_000;
    for (;;) {
      const current = await checkpoint();
      if (!scanReadyMs && current >= lastProductRev) scanReadyMs = performance.now() - start;
      if (current >= head) break;
      if (performance.now() > deadline)
        throw new Error(`bench: copy at revision ${current} of ${head} after 20 min`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const fullMs = performance.now() - start;
    // What the copy takes on disk (IndexedDB is the origin's only storage here besides the shell cache).
    // Chromium splits the usage by kind (usageDetails): IndexedDB alone is the copy.
    const usage = await page.evaluate(async () => {
      const estimate = (await navigator.storage.estimate()) as StorageEstimate & {
        usageDetails?: Record<string, number>;
      };
      return { total: estimate.usage ?? 0, indexedDB: estimate.usageDetails?.indexedDB ?? 0 };
    });
    const detail = {
      products: scale,
      variants,
      stockRows,
      documents: head,
      seedMs: round(seedMs, 0),
      firstUiMs: round(firstUiMs, 0),
      firstScanCheckpoint: scanCheckpoint,
      copyTimings,
      requests: requests.join('; '),
      originUsageMb: round(usage.total / 1_048_576, 1),
      load: round(loadavg()[0]!),
      ...(scanError ? { scanError } : {}),
    };
    const at = `${scale / 1000}k products`;
    return [
      {
        name: `first start → a scan answered (Chromium, ${at})`,
        metric: 'time',
        value: round(firstScanMs / 1000, 2),
        unit: 's',
        target: '≤ 2 s',
        pass: firstScanMs <= 2_000,
        detail,
      },
      {
        name: `initial sync → every product in the copy (Chromium, ${at})`,
        metric: 'time',
        value: round(scanReadyMs / 1000, 2),
        unit: 's',
        target: '≤ 10 s',
        pass: scanReadyMs <= 10_000,
        detail,
      },
      {
        name: `initial sync → complete copy (Chromium, ${at})`,
        metric: 'time',
        value: round(fullMs / 1000, 2),
        unit: 's',
        target: scale >= 100_000 ? '≤ 60 s' : '(reported; ≤ 60 s at 100k)',
        pass: scale < 100_000 || fullMs <= 60_000,
        detail,
      },
      {
        name: `initial sync → IndexedDB per kiosk (Chromium, ${at})`,
        metric: 'usage',
        value: round((usage.indexedDB || usage.total) / 1_048_576, 1),
        unit: 'MB',
        target: '(reported)',
        pass: true,
        detail,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
