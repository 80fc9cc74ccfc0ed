// A store manager sets the import policy on the Catalogue tab in Chromium: a
// value the form cannot take is named in French, a good one is saved on the
// server, and a feed with more bad lines than that is refused with its reason
// in the console's language (French, then English after a switch).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { chooseConsoleLang, signInThroughConsole } from '../support/console-page';
import { startTestServer } from '../support/test-server';
import { seriousViolations } from '../kiosk/kiosk-page';

/** An import runs in a worker thread that starts its own module loader: seconds on a loaded machine. */
const IMPORT_ENDS = { timeout: 30_000 };

// One line in four refused: 25 %, above a 20 % rule.
const TOOLS = [
  'id\ttitle\tprice\tproduct_type',
  'HAMMER\tMarteau\t12.90 EUR\tOutillage',
  'PLIERS\tPince\t9.90 EUR\tOutillage',
  'SAW\tScie\t24.00 EUR\tOutillage',
  'FILE\tLime\tgratuit\tOutillage',
].join('\n');

let server: StoreServer;
let browser: BrowserContext;
let page: Page;
let dir: string;

beforeAll(async () => {
  server = await startTestServer({ demoScale: 20 });
  dir = mkdtempSync(join(tmpdir(), 'vitrine-import-policy-'));
  writeFileSync(join(dir, 'outils.tsv'), TOOLS);
  browser = await launchChromium();
  await chooseConsoleLang(browser, 'fr');
  page = await browser.newPage();
  page.setDefaultTimeout(20_000);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the import policy on the Catalogue tab', () => {
  it('names a value it cannot take, in French, and saves a good one', async () => {
    await signInThroughConsole(page, server.url, 'manager', 'staff');
    await page.getByRole('tab', { name: 'Catalogue' }).click();
    const field = page.getByLabel('Part maximale de lignes refusées par fichier');
    await expect.poll(() => field.inputValue()).toBe('5');
    const save = page.getByRole('button', { name: 'Enregistrer la règle' });

    await field.fill('cent');
    await save.click();
    await expect
      .poll(() => page.locator('#import-policy-problem').textContent())
      .toBe('Ce n’est pas un nombre\u202f: écrivez par exemple 5 ou 2,5.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('150');
    await save.click();
    await expect
      .poll(() => page.locator('#import-policy-problem').textContent())
      .toBe('Le pourcentage doit être compris entre 0 et 100.');
    expect(server.imports.policy()).toEqual({ maxBadLinePercent: 5 });

    await field.fill('20');
    await save.click();
    await expect
      .poll(() => page.getByTestId('import-policy').textContent())
      .toMatch(/plus de 20[\u00a0\u202f]% de ses lignes/);
    const policy = page.getByRole('group', { name: 'Règle de refus des flux' });
    expect(await policy.getByRole('status').textContent()).toMatch(/^Règle enregistrée/);
    expect(server.imports.policy()).toEqual({ maxBadLinePercent: 20 });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('refuses a feed above the rule and says why in French, then in English', async () => {
    await page.getByTestId('feed-products').setInputFiles(join(dir, 'outils.tsv'));
    await page.getByRole('radio', { name: /^Partiel/ }).check();
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    const job = page.getByTestId('import-job').first();
    await expect.poll(() => job.getAttribute('data-state'), IMPORT_ENDS).toBe('refused');
    await expect
      .poll(() => job.getByRole('alert').innerText())
      .toBe(
        'Motif\u202f: outils.tsv\u202f: 1 ligne refusée sur 4 (25,0\u202f%), au-delà du seuil de 20\u202f% fixé par l’enseigne',
      );
    expect(server.docs.get('products', 'HAMMER')).toBeUndefined();

    await page.getByTestId('lang-switch').click();
    await expect
      .poll(() => page.getByTestId('import-job').first().getByRole('alert').innerText())
      .toBe('Reason: outils.tsv: 1 of 4 lines refused (25.0 %), above the 20 % this chain allows');
    expect(await page.getByTestId('import-policy').textContent()).toMatch(/more than 20% of its/);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
