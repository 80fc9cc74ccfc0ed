// What head office says of a store, end to end on real parts (PostgreSQL, a 3-node NATS cluster,
// a head-office process, a store-server process): the store runs with head office's time zone
// and currency, not its own flags, and a change at head office reaches its link file at the next
// hello and applies at its next start; the chain's settings reach the store's settings
// document, the store's own win over them, a currency neither names stays as the store's first
// start set it, and bad input is refused with a clear 4xx.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import {
  apiRoutes,
  ApiCallError,
  callRoute,
  hashStaffBadge,
  verifyStaffPin,
  type StoreSettings,
} from '@vitrine/shared/core';
import { CATALOGUE_CHAIN_ADMIN, startCatalogueChain } from '../support/catalogue-chain';
import { launchChromium } from '../support/chromium';
import { TEST_ADMIN_TOKEN } from '../support/server-process';
import { REPO_ROOT, waitFor } from '../support/test-server';

const STORE = 'geneve';
let chain: Awaited<ReturnType<typeof startCatalogueChain>>;
let storeUrl: string;

/** The store's own page of itself (`GET /api/v1/store`), as its consoles read it. */
const storeInfo = () =>
  callRoute(
    { baseUrl: storeUrl, authorization: () => `Bearer ${TEST_ADMIN_TOKEN}` },
    apiRoutes.store.info,
    {},
  );
const linkFile = () =>
  JSON.parse(readFileSync(join(chain.dataDir, 'hq', 'hq-link.json'), 'utf8')) as {
    store?: { timeZone?: string; currency?: string };
  };

/** The store's settings document, as its screens would pull it. */
function settingsDoc(): StoreSettings | undefined {
  const db = new Database(join(chain.dataDir, 'store.sqlite'), { readonly: true });
  try {
    const body = db
      .prepare(
        "SELECT body FROM sync_docs WHERE collection = 'settings' AND id = ? AND deleted = 0",
      )
      .pluck()
      .get(STORE) as string | undefined;
    return body === undefined ? undefined : (JSON.parse(body) as StoreSettings);
  } finally {
    db.close();
  }
}

const refusal = (call: Promise<unknown>) =>
  call.then(
    () => undefined,
    (error: unknown) => (error instanceof ApiCallError ? [error.status, error.code] : error),
  );

beforeAll(async () => {
  // The store server starts without --time-zone or --currency (Europe/Paris and EUR by default).
  chain = await startCatalogueChain(STORE, { timeZone: 'Europe/Zurich', currency: 'CHF' });
  storeUrl = (await chain.startStore()).url;
}, 180_000);

afterAll(async () => {
  await chain?.stop();
});

describe('the store as head office keeps it', () => {
  it("runs with head office's time zone and currency, and takes a change at its next start", async () => {
    expect(linkFile().store).toEqual({ timeZone: 'Europe/Zurich', currency: 'CHF' });
    expect(await storeInfo()).toMatchObject({ timeZone: 'Europe/Zurich', currency: 'CHF' });

    // Head office's record changes.
    const changed = await chain.admin.stores.update({
      params: { id: STORE },
      body: { timeZone: 'Europe/Berlin' },
    });
    expect(changed).toMatchObject({ timeZone: 'Europe/Berlin', currency: 'CHF' });
    await chain.stopStore();
    storeUrl = (await chain.startStore()).url;
    await waitFor(
      () => Promise.resolve(linkFile().store?.timeZone === 'Europe/Berlin'),
      'the new time zone in the link file',
      30_000,
    );
    // Said at the hello: this run keeps the zone it started with, the next one has the new one.
    expect((await storeInfo()).timeZone).toBe('Europe/Zurich');
    await chain.stopStore();
    storeUrl = (await chain.startStore()).url;
    expect(await storeInfo()).toMatchObject({ timeZone: 'Europe/Berlin', currency: 'CHF' });
  }, 120_000);
});

describe('settings authored at head office', () => {
  it("reach the store's screens: the chain's, then the store's own over them", async () => {
    const before = await waitFor(() => Promise.resolve(settingsDoc()), 'the first-start document');
    const skills = { 'mode-homme': 'style' as const };
    const chainSaved = await chain.admin.settings.putChain({
      body: { skillsByDepartment: skills },
    });
    expect(chainSaved).toMatchObject({ scope: 'chain', settings: { skillsByDepartment: skills } });
    expect(chainSaved.updatedAt).not.toBeNull();
    const withChain = await waitFor(
      () => Promise.resolve(settingsDoc()?.skillsByDepartment ? settingsDoc() : undefined),
      "the chain's settings at the store",
      30_000,
    );
    expect(withChain).toEqual({ ...before, skillsByDepartment: skills });

    // Head office named no currency: the store's own (CHF, from its record) stays.
    expect(withChain?.currency).toBe('CHF');
    await chain.admin.settings.putStore({ params: { id: STORE }, body: { currency: 'EUR' } });
    const withOwn = await waitFor(
      () => Promise.resolve(settingsDoc()?.currency === 'EUR' ? settingsDoc() : undefined),
      "the store's own settings",
      30_000,
    );
    expect(withOwn).toEqual({ id: STORE, currency: 'EUR', skillsByDepartment: skills });
    expect(await chain.admin.settings.getStore({ params: { id: STORE } })).toMatchObject({
      scope: STORE,
      settings: { currency: 'EUR' },
    });
  }, 90_000);

  it('are edited in head office’s console: a brand and a PIN for every store, bad ones refused', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.addInitScript(() => localStorage.setItem('vitrine.console.lang', 'en'));
      await page.goto(`${chain.hq.url}/console/`);
      await page.getByText('With the admin token').click();
      await page.getByLabel('Admin token').fill(CATALOGUE_CHAIN_ADMIN);
      await page.getByRole('button', { name: 'Sign in with the token' }).click();
      await page.getByRole('tab', { name: 'Screen settings' }).click();
      const view = page.getByTestId('hq-settings');
      await view.getByRole('button', { name: 'Read' }).click();
      // The chain's settings as the test above left them: one department's expert.
      await expect.poll(() => view.getByLabel('Department 1').inputValue()).toBe('mode-homme');
      await view.getByLabel('A brand of its own').check();
      await view.getByLabel('Name shown').fill('Boutique Genève');
      // The logo: a picture type and size the screens take, read into the settings document.
      const logoInput = view.getByLabel('Logo (SVG, PNG, WebP or JPEG)');
      const gif = { name: 'logo.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') };
      await logoInput.setInputFiles(gif);
      await expect.poll(() => view.getByRole('alert').textContent()).toContain('not an SVG');
      const huge = { name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(250_000) };
      await logoInput.setInputFiles(huge);
      await expect.poll(() => view.getByRole('alert').textContent()).toContain('at most 200 kB');
      const logoFile = readFileSync(join(REPO_ROOT, 'assets', 'demo-theme', 'logo.svg'));
      await logoInput.setInputFiles({
        name: 'logo.svg',
        mimeType: 'image/svg+xml',
        buffer: logoFile,
      });
      await expect.poll(() => view.getByRole('img', { name: 'Boutique Genève' }).count()).toBe(1);
      expect(await view.getByRole('alert').count()).toBe(0);
      const logo = `data:image/svg+xml;base64,${logoFile.toString('base64')}`;
      await view.getByLabel('New PIN (4 to 12 digits)').fill('12');
      const save = view.getByRole('button', { name: 'Save and send to the stores' });
      await save.click();
      await expect.poll(() => view.getByRole('alert').textContent()).toContain('New PIN');
      // Text the colour of the background cannot be read: the contrast check says so.
      await view.getByLabel('New PIN (4 to 12 digits)').fill('246810');
      await view.getByLabel('Text', { exact: true }).fill('#ffffff');
      await save.click();
      await expect.poll(() => view.getByRole('alert').textContent()).toMatch(/contrast/);
      expect((await chain.admin.settings.getChain()).settings.theme).toBeUndefined();

      await view.getByLabel('Text', { exact: true }).fill('#1b1b1b');
      const badge = view.getByLabel(/^Add a badge/);
      await badge.fill('not a badge');
      await save.click();
      await expect.poll(() => view.getByRole('alert').textContent()).toContain('Add a badge');
      await badge.fill('BADGE-0042');
      await save.click();
      await expect
        .poll(() => view.getByRole('status').first().textContent())
        .toContain('Settings of the whole chain saved');
      const saved = (await chain.admin.settings.getChain()).settings;
      expect(saved.theme?.name).toBe('Boutique Genève');
      expect(saved.theme?.logo).toBe(logo);
      expect(saved.skillsByDepartment).toEqual({ 'mode-homme': 'style' });
      expect(saved.staffAccess?.badges).toEqual([await hashStaffBadge('BADGE-0042')]);
      expect(await verifyStaffPin('246810', saved.staffAccess!.pin!)).toBe(true);
      // The PIN left the browser hashed, and the brand reaches the store's screens.
      const atStore = await waitFor(
        () => Promise.resolve(settingsDoc()?.theme ? settingsDoc() : undefined),
        'the brand at the store',
        30_000,
      );
      expect(atStore?.theme?.name).toBe('Boutique Genève');
      expect(atStore?.theme?.logo).toBe(logo);
      expect(await verifyStaffPin('246810', atStore.staffAccess!.pin!)).toBe(true);
      await page.screenshot({ path: join(tmpdir(), 'vitrine-hq-settings.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('refuses an unknown store and a malformed body with a 4xx, changing nothing', async () => {
    const held = await chain.admin.settings.getChain();
    const zone = { params: { id: STORE }, body: { timeZone: 'Mars/Olympus' } };
    expect(await refusal(chain.admin.stores.update(zone))).toEqual([400, 'invalid_request']);
    expect(await refusal(chain.admin.stores.update({ params: { id: STORE }, body: {} }))).toEqual([
      400,
      'invalid_request',
    ]);
    const nowhere = { params: { id: 'nowhere' }, body: { currency: 'EUR' } };
    expect(await refusal(chain.admin.stores.update(nowhere))).toEqual([404, 'store_not_found']);
    expect(
      await refusal(chain.admin.settings.putStore({ params: { id: 'nowhere' }, body: {} })),
    ).toEqual([404, 'store_not_found']);
    expect(
      await refusal(
        chain.admin.settings.putChain({ body: { currency: 'euros' } as unknown as StoreSettings }),
      ),
    ).toEqual([400, 'invalid_request']);
    expect(await chain.admin.settings.getChain()).toEqual(held);
    const unsent = await chain.pool.query(
      "SELECT 1 FROM link_outbox WHERE kind = 'settings' AND published_at IS NULL",
    );
    expect(unsent.rowCount).toBe(0);
  });
});
