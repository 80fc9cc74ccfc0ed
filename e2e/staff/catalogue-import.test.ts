// A store manager imports a hardware chain's feeds from the staff console in
// Chromium: picks the files, follows the import live, reads what it did and
// the lines it refused; the new products then scan on the server. A staff
// member has no Catalogue tab.
import { mkdtempSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Product } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { chooseConsoleLang, signInThroughConsole, signOut } from '../support/console-page';
import { startTestServer } from '../support/test-server';
import { seriousViolations } from '../kiosk/kiosk-page';

/** An import runs in a worker thread that starts its own module loader: seconds on a loaded machine. */
const IMPORT_ENDS = { timeout: 30_000 };

const PRODUCTS = [
  'id\titem_group_id\ttitle\ttitle@en\tprice\tgtin\tsize\tbrand\tproduct_type\tproduct_type@en\tmaterial',
  'SCREW-4x40\tSCREW\tVis bois 4 × 40 (boîte de 200)\tWood screws 4 × 40 (box of 200)\t6.90 EUR\t3017620422003\t4 × 40\tFixo\tBricolage > Visserie\tDIY > Fasteners\tacier',
  'SCREW-5x60\tSCREW\tVis bois 5 × 60 (boîte de 100)\tWood screws 5 × 60 (box of 100)\t8.40 EUR\t\t5 × 60\tFixo\tBricolage > Visserie\tDIY > Fasteners\tacier',
  'LADDER-3\t\tEscabeau 3 marches\tStepladder, 3 steps\t49.00 EUR\t\t\tHauto\tBricolage > Échelles\tDIY > Ladders\taluminium',
  'BAD-PRICE\t\tPelle\tShovel\tfree\t\t\t\tJardin\tGarden\t',
].join('\n');
const STOCK = 'store_code\tid\tquantity\nparis-rivoli\tSCREW-4x40\t40\nparis-rivoli\tLADDER-3\t2\n';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;
let dir: string;

beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'vitrine-console-import-'));
  writeFileSync(join(dir, 'bricolage.tsv'), PRODUCTS);
  writeFileSync(join(dir, 'stock.tsv'), STOCK);
  browser = await launchChromium();
  await chooseConsoleLang(browser, 'fr');
  page = await browser.newPage();
  page.setDefaultTimeout(20_000);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Catalogue tab', () => {
  it('imports the feeds a manager picks and says what it did, line by line', async () => {
    await signInThroughConsole(page, server.url, 'manager', 'staff');
    await page.getByRole('tab', { name: 'Catalogue' }).click();
    // The rule that refuses the file below is said before the import.
    await expect
      .poll(() => page.getByTestId('import-policy').textContent())
      .toMatch(/plus de 5[\u00a0\u202f]% de ses lignes/);
    await page.getByTestId('feed-products').setInputFiles(join(dir, 'bricolage.tsv'));
    await page.getByTestId('feed-inventory').setInputFiles(join(dir, 'stock.tsv'));
    // The pickers speak the console's language (the browser's own would speak the browser's).
    const pickers = page.locator('[data-testid="catalogue-import"] .file-picker');
    expect(await pickers.allTextContents()).toEqual([
      'Choisir un fichierbricolage.tsv',
      'Choisir un fichierstock.tsv',
      'Choisir un fichierAucun fichier choisi',
      'Choisir un fichierAucun fichier choisi',
    ]);
    // Partial: the demo catalogue stays, only these items change.
    await page.getByRole('radio', { name: /^Partiel/ }).check();
    await page.getByRole('button', { name: 'Importer', exact: true }).click();

    const job = page.getByTestId('import-job').first();
    await expect.poll(() => job.getAttribute('data-state'), IMPORT_ENDS).toBe('refused');
    // One line in four refused is above the 5 % the chain allows: nothing changed.
    expect(await job.getByRole('alert').innerText()).toMatch(/1 ligne refusée sur 4/);
    expect(await page.getByTestId('import-problems').innerText()).toContain('bricolage.tsv:5');
    expect(server.docs.get('products', 'LADDER-3')).toBeUndefined();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('applies the same feeds once the bad line is fixed, and the new products scan', async () => {
    writeFileSync(join(dir, 'bricolage-v2.tsv'), PRODUCTS.replace('\tfree\t', '\t24.50 EUR\t'));
    await page.getByTestId('feed-products').setInputFiles(join(dir, 'bricolage-v2.tsv'));
    await page.getByTestId('feed-inventory').setInputFiles(join(dir, 'stock.tsv'));
    await page.getByRole('radio', { name: /^Partiel/ }).check();
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    const job = page.getByTestId('import-job').first();
    await expect.poll(() => job.getAttribute('data-state'), IMPORT_ENDS).toBe('applied');
    const counts = await page.getByTestId('import-counts').first().innerText();
    expect(counts).toContain('bricolage-v2.tsv (Produits) — 4 lignes, 0 refusée');
    expect(counts).toContain('Produits — 3 écrites, 0 retirée');
    await page.screenshot({ path: join(dir, 'catalogue-tab.png'), fullPage: true });

    const screws = server.docs.get<Product>('products', 'SCREW')!;
    expect(screws.variants.map((variant) => variant.size)).toEqual(['4 × 40', '5 × 60']);
    expect(screws.attributes).toEqual([{ key: 'material', value: 'acier' }]);
    expect(server.catalogue.productByCode('3017620422003')?.id).toBe('SCREW');
    expect(server.docs.get('stock', 'LADDER-3')).toEqual({
      id: 'LADDER-3',
      levels: [{ locationId: 'paris-rivoli', quantities: { 'LADDER-3': 2 } }],
    });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('asks for a file again when it moved after it was picked', async () => {
    const edited = join(dir, 'edited.tsv');
    writeFileSync(edited, PRODUCTS);
    await page.getByTestId('feed-products').setInputFiles(edited);
    // Moved or saved again meanwhile: the browser can no longer read the picked file.
    unlinkSync(edited);
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').first().innerText())
      .toBe(
        'edited.tsv ne peut plus être lu\u202f: il a changé ou a été déplacé depuis que vous l’avez choisi. Choisissez-le à nouveau.',
      );
    await signOut(page);
  });

  it('is not offered to a staff member', async () => {
    await signInThroughConsole(page, server.url, 'staff', 'staff');
    expect(await page.getByRole('tab', { name: 'Stock' }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: 'Catalogue' }).count()).toBe(0);
  });
});
