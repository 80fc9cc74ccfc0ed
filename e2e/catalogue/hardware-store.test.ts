// A hardware store set up from its feeds alone, as docs/operations.md walks
// through it: a store server of its own (not the demo; Lausanne, francs), its
// first manager added with `npm run add-user`, the fixture feeds
// (e2e/fixtures/hardware-store/) imported with `npm run import` as that
// manager, then a kiosk, a signage screen and a mirror paired as new screens
// are, in Chromium. Nothing in the catalogue is fashion, food or electronics:
// the idle kiosk shows the drill on sale; a scan opens a tin of paint in its
// colour and size, priced in francs, with its aisle; the drill on sale shows
// its sale price and its picture, fetched
// by the store from the chain's picture server; French words find the drills
// and the compost that has no GTIN; the departments are the chain's own;
// signage shows the store, then head office's card for the drill; the mirror
// takes gardening gloves in. Nothing empty or broken on any screen.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import Database from 'better-sqlite3';
import { PNG } from 'pngjs';
import { apiRoutes, callRoute, routeUrl } from '@vitrine/shared/core';
import { messages } from '@vitrine/shared/ui';
import { launchChromium } from '../support/chromium';
import { publish, zonesDraft } from '../signage/head-office';
import { REPO_ROOT, waitFor } from '../support/test-server';
import {
  freePort,
  spawnServer,
  TEST_ADMIN_TOKEN,
  type ServerProcess,
} from '../support/server-process';
import {
  blemishes,
  seriousViolations,
  waitForCheckpoint,
  waitForResults,
  wedgeScan,
} from '../kiosk/kiosk-page';

const FIXTURES = join(REPO_ROOT, 'e2e/fixtures/hardware-store');
const STORE = 'lausanne-flon';
const MANAGER_PASSWORD = 'flon-manager-2026';
const PORTRAIT = { width: 1080, height: 1920 };
const t = messages.fr;

/** The fixture's product lines by id, as the feed has them. */
function feedLines(): Map<string, Record<string, string>> {
  const [header, ...rows] = readFileSync(join(FIXTURES, 'products.tsv'), 'utf8')
    .trimEnd()
    .split('\n');
  const columns = header!.split('\t');
  return new Map(
    rows.map((row) => {
      const cells = row.split('\t');
      const line = Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
      return [line.id!, line];
    }),
  );
}

/** Runs one of the repo's npm CLIs the way the walkthrough does; its exit code and output. */
function runCli(
  script: string,
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, script), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Where the fixture's image_link URLs point: the chain's picture server. */
const PICTURES = 'https://images.brico-leman.example';

/**
 * The chain's picture server, here on this machine: a real HTTP server that the
 * store lets its image fetcher call because the operator lists it in
 * --image-hosts (its SSRF guard refuses loopback otherwise).
 */
async function startPictureServer(): Promise<{ server: Server; origin: string }> {
  const png = new PNG({ width: 600, height: 600 });
  for (let i = 0; i < png.data.length; i += 4) {
    const pixel = i / 4;
    png.data.set([(pixel % 600) / 3, 90, (pixel / 600) % 256, 255], i);
  }
  const bytes = PNG.sync.write(png);
  const pictures = createServer((req, res) => {
    if (req.url?.startsWith('/p/')) res.writeHead(200, { 'content-type': 'image/png' }).end(bytes);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => pictures.listen(0, '127.0.0.1', resolve));
  return {
    server: pictures,
    origin: `http://127.0.0.1:${(pictures.address() as AddressInfo).port}`,
  };
}

let pictures: Server | undefined;
let dataDir: string;
let server: ServerProcess;
let browser: BrowserContext;
let kiosk: Page;
let signage: Page;
let mirror: Page;
const lines = feedLines();
let importOutput = '';

async function syncHead(): Promise<number> {
  const response = await fetch(routeUrl(server.url, apiRoutes.health.health, {}));
  return ((await response.json()) as { sync: { head: number } }).sync.head;
}

/** Opens a touchpoint as a new screen and approves its pairing code with the admin token. */
async function pairScreen(app: 'kiosk' | 'signage' | 'mirror', path: string, size = PORTRAIT) {
  const page = await browser.newPage();
  page.setDefaultTimeout(30_000);
  await page.setViewportSize(size);
  await page.goto(`${server.url}/${app}/${path}`);
  const code = await page.getByTestId('pairing-code').textContent();
  expect(code).toMatch(/^\d{6}$/);
  const asAdmin = { baseUrl: server.url, authorization: () => `Bearer ${TEST_ADMIN_TOKEN}` };
  await callRoute(asAdmin, apiRoutes.devices.approve, { body: { pairingCode: code! } });
  return page;
}

async function waitForCopy(page: Page) {
  await waitForCheckpoint(page, await syncHead());
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'vitrine-hardware-'));
  // Chromium starts meanwhile (and is closed after, whatever fails first).
  const chromium = launchChromium().then((launched) => (browser = launched));
  // The first manager, before the server ever started (the folder is new).
  const manager = await runCli(
    'store-server/src/staff/add-user.ts',
    ['--data', dataDir, '--id', 'manager', '--name', 'Claire Rochat', '--roles', 'manager,staff'],
    { input: `${MANAGER_PASSWORD}\n` },
  );
  expect(manager.stderr).toBe('');
  expect(manager.code).toBe(0);
  // Head office's two people, who publish a campaign to the screen (one may not approve their own).
  for (const role of ['editor', 'publisher']) {
    const user = await runCli(
      'store-server/src/staff/add-user.ts',
      ['--data', dataDir, '--id', role, '--name', `Siège ${role}`, '--roles', role],
      { input: `${MANAGER_PASSWORD}\n` },
    );
    expect(user.code, user.stderr).toBe(0);
  }
  const picturesAt = await startPictureServer();
  pictures = picturesAt.server;
  const feed = join(dataDir, 'products.tsv');
  writeFileSync(
    feed,
    readFileSync(join(FIXTURES, 'products.tsv'), 'utf8').replaceAll(PICTURES, picturesAt.origin),
  );
  server = await spawnServer({
    dataDir,
    httpPort: await freePort(),
    mqttPort: await freePort(),
    store: { id: STORE, currency: 'CHF', timeZone: 'Europe/Zurich' },
    extraArgs: ['--plain', 'on', '--image-hosts', new URL(picturesAt.origin).host],
  });
  const imported = await runCli(
    'store-server/src/import/cli.ts',
    [
      '--products',
      feed,
      '--inventory',
      join(FIXTURES, 'inventory.tsv'),
      '--stores',
      join(FIXTURES, 'stores.tsv'),
      '--store',
      server.url,
      '--user',
      'manager',
    ],
    { env: { VITRINE_PASSWORD: MANAGER_PASSWORD } },
  );
  importOutput = imported.stdout;
  expect(imported.code, imported.stderr).toBe(0);
  await chromium;
  [kiosk, signage, mirror] = await Promise.all([
    pairScreen('kiosk', ''),
    pairScreen('signage', '', { width: 1920, height: 1080 }),
    pairScreen('mirror', '?room=Atelier'),
  ]);
  await Promise.all([waitForCopy(kiosk), waitForCopy(mirror)]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  pictures?.closeAllConnections();
  await new Promise((resolve) => pictures?.close(resolve));
});

describe('a hardware store set up from its feeds', () => {
  it('imported every line of both feeds as the manager', () => {
    expect(importOutput).toMatch(/: applied/);
    expect(importOutput).toContain(`products.tsv (products): ${lines.size} lines, 0 refused`);
    // The stores file names both stores the inventory counts: no "not known" warning.
    expect(importOutput).toMatch(/inventory\.tsv \(inventory\): \d+ lines, 0 refused, 0 warnings/);
    expect(importOutput).toContain('stores.tsv (stores): 2 lines, 0 refused, 0 warnings');
    // One product per item group: 38 lines, 26 products.
    const products = new Set([...lines.values()].map((line) => line.item_group_id || line.id));
    expect(importOutput).toContain(`products: ${products.size} written, 0 withdrawn`);
  });

  it('kiosk: a scanned tin of paint opens in its colour and size, in francs, with its aisle', async () => {
    // No promotion: the idle screen shows the drill on sale now (the feed's dates, in Zurich
    // time), struck as its page does; the other drill's sale starts in 2031.
    const attract = kiosk.getByTestId('attract');
    await expect
      .poll(() => attract.getAttribute('data-products'), { timeout: 20_000 })
      .toBe('DRL-18V');
    expect((await attract.getByTestId('attract-price').innerText()).replace(/\s/g, ' ')).toBe(
      `119,00 CHF ${t.fromPrice} 149,00 CHF`,
    );
    const tin = lines.get('PAINT-MAT-GRIS-10L')!;
    await wedgeScan(kiosk, tin.gtin!.replace(/^0/, ''), 'qwerty');
    const product = kiosk.getByTestId('product');
    await expect.poll(() => kiosk.locator('#product-name').textContent()).toBe(tin.title);
    const chosen = (axis: string) =>
      product.locator(`[data-axis="${axis}"] button[aria-pressed="true"]`).textContent();
    await expect.poll(() => chosen('colour')).toBe('Gris perle');
    expect(await chosen('size')).toBe('10 L');
    const colours = product.locator('[data-axis="colour"] button');
    expect(await colours.evaluateAll((all) => all.map((chip) => chip.dataset.value))).toEqual([
      'Blanc',
      'Gris perle',
      'Bleu canard',
    ]);
    // The 10 L in teal is sold out here: its chip says so.
    expect(await colours.last().innerText()).toContain(t.soldOutHere);
    // The 10 L tin's own price, not the 2.5 L one's.
    const price = product.getByTestId('price');
    await expect.poll(() => price.getAttribute('data-cents')).toBe('8990');
    expect((await price.innerText()).replace(/\s/g, ' ')).toContain('89,90 CHF');
    expect(await product.getByTestId('stock-here').innerText()).toMatch(
      new RegExp(`${t.inStockHere}.*· ${t.aisle} 12`),
    );
    expect(
      await product.getByTestId('category-path').getByRole('listitem').allTextContents(),
    ).toEqual(['Peinture', 'Peintures murales']);
    // The other store by the name the stores file gives it (its city in brackets).
    const geneva = product.locator('[data-testid="other-store"][data-location="geneve-praille"]');
    expect(await geneva.textContent()).toContain('Brico Léman Genève-Praille (Genève)');
    expect(await blemishes(kiosk, '[data-testid="product"]')).toEqual([]);
    expect(await seriousViolations(kiosk)).toEqual([]);
  });

  it('kiosk: the drill on sale shows its sale price, struck from the regular one, and its picture', async () => {
    const drill = lines.get('DRL-18V')!;
    // The store server fetches the picture after the import: wait until it serves it.
    const db = new Database(join(dataDir, 'store.sqlite'), { readonly: true });
    const picture = db
      .prepare(
        `SELECT json_extract(body, '$.images[0]') FROM sync_docs WHERE collection = 'products' AND id = ?`,
      )
      .pluck()
      .get(drill.id) as string;
    db.close();
    await waitFor(
      async () => (await fetch(new URL(picture, server.url))).status === 200,
      'the drill’s picture',
      30_000,
    );
    await wedgeScan(kiosk, drill.gtin!, 'qwerty');
    await expect.poll(() => kiosk.locator('#product-name').textContent()).toBe(drill.title);
    const price = kiosk.getByTestId('product').getByTestId('price');
    expect(await price.getAttribute('data-cents')).toBe('11900');
    expect((await price.innerText()).replace(/\s/g, ' ')).toMatch(/119,00 CHF.*149,00 CHF/);
    const image = kiosk.getByTestId('product').locator('img').first();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
  });

  it('kiosk: French words find the drills, and the departments are the chain’s own', async () => {
    await kiosk.getByTestId('search-button').click();
    // The search index is built once the copy settles: wait until it holds the whole catalogue.
    const products = new Set([...lines.values()].map((line) => line.item_group_id || line.id));
    await waitForResults(kiosk, '', products.size);
    const chips = kiosk.getByRole('group', { name: t.filters }).getByRole('button');
    expect(
      (await chips.allTextContents()).slice(1).sort((a, b) => a.localeCompare(b, 'fr')),
    ).toEqual(['Électricité', 'Jardin', 'Outillage', 'Peinture', 'Quincaillerie']);
    const tiles = kiosk.locator('[data-testid="results"] .tile');
    const shown = () =>
      tiles.evaluateAll((all) => all.map((tile) => tile.getAttribute('data-product')).sort());
    await chips.filter({ hasText: 'Peinture' }).click();
    await waitForResults(kiosk, '', 5);
    expect(await shown()).toEqual(['BRUSH-3', 'PAINT-MAT', 'PAINT-SAT', 'ROLL-180', 'TAPE-MASK']);
    await chips.first().click();

    const input = kiosk.getByTestId('search-input');
    await input.fill('perceuse');
    await waitForResults(kiosk, 'perceuse');
    expect(await shown()).toEqual(['DRL-18V', 'DRL-750']);
    // Without its accent, as a shopper types it.
    await input.fill('beche');
    await waitForResults(kiosk, 'beche');
    expect(await shown()).toEqual(['SPADE']);
    expect(await blemishes(kiosk, '.search')).toEqual([]);
    expect(await seriousViolations(kiosk)).toEqual([]);

    // The compost has no GTIN and no picture: found by its words, shown with the placeholder.
    await input.fill('terreau');
    await waitForResults(kiosk, 'terreau');
    expect(await shown()).toEqual(['SOIL-40']);
    await tiles.first().click();
    const soil = kiosk.getByTestId('product');
    await expect
      .poll(() => kiosk.locator('#product-name').textContent())
      .toBe(lines.get('SOIL-40')!.title);
    expect(await soil.getByRole('img', { name: t.noImage }).count()).toBe(1);
    expect(await soil.locator('.product-brand').textContent()).toBe('Verdure');
    expect(await blemishes(kiosk, '[data-testid="product"]')).toEqual([]);
  });

  it('signage: the store until a campaign comes, then the drill’s card at its sale price', async () => {
    const screen = signage.getByTestId('default-screen');
    await expect.poll(() => screen.count(), { timeout: 30_000 }).toBe(1);
    expect(await screen.innerText()).toContain(STORE);
    // The store's time (Lausanne), whatever zone the screen's system is in (UTC here).
    const storeTime = (at: number) =>
      new Date(at).toLocaleTimeString('fr-FR', {
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'Europe/Zurich',
      });
    const clock = signage.getByTestId('default-clock');
    await expect
      .poll(async () => {
        const shown = await clock.textContent();
        return [storeTime(Date.now() - 2_000), storeTime(Date.now())].includes(shown ?? '');
      })
      .toBe(true);
    expect(await blemishes(signage, '[data-testid="default-screen"]')).toEqual([]);

    const drill = lines.get('DRL-18V')!;
    const signIn = async (userId: string) =>
      (
        await callRoute({ baseUrl: server.url }, apiRoutes.auth.login, {
          body: { userId, password: MANAGER_PASSWORD },
        })
      ).token;
    const item = {
      id: 'drill',
      kind: 'product',
      durationMs: 60_000,
      productId: drill.id!,
    } as const;
    await publish(
      server.url,
      await signIn('editor'),
      await signIn('publisher'),
      zonesDraft('drill-offer', [{ id: 'full', x: 0, y: 0, width: 100, height: 100, item }]),
    );
    const card = signage.locator(`[data-layer="current"] [data-product-id="${drill.id}"]`);
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);
    expect(await card.locator('h2').textContent()).toBe(drill.title);
    expect((await card.getByTestId('card-price').innerText()).replace(/\s/g, ' ')).toMatch(
      /149,00 CHF.*119,00 CHF/,
    );
    const picture = card.locator('img').first();
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    expect(
      await blemishes(signage, `[data-layer="current"] [data-product-id="${drill.id}"]`),
    ).toEqual([]);
    expect(await seriousViolations(signage)).toEqual([]);
  });

  it('mirror: gardening gloves brought into the fitting room, and nothing broken', async () => {
    const glove = lines.get('GLOVE-10')!;
    await wedgeScan(mirror, glove.gtin!, 'qwerty');
    const garment = mirror.getByTestId('garment');
    await expect.poll(() => garment.count()).toBe(1);
    await expect.poll(() => garment.locator('.garment-name').textContent()).toBe(glove.title);
    expect(await garment.locator('.garment-variant').textContent()).toBe(glove.size);
    expect(await blemishes(mirror, '.garments')).toEqual([]);
    const detail = mirror.getByTestId('garment-detail');
    await expect.poll(() => detail.locator('h2').first().textContent()).toBe(glove.title);
    expect(await blemishes(mirror, '[data-testid="garment-detail"]')).toEqual([]);
    expect(await seriousViolations(mirror)).toEqual([]);
  });
});
