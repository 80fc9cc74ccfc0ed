// Reserving and ordering from the kiosk in a real Chromium: other stores and
// online count only the size chosen; the shopper leaves a validated contact in
// a dialog made for touch (focus, Escape, Cancel, axe-core in fr and en) that
// staff then read in their console; nothing is offered once online stock is
// gone, and the shopper is told why. Expected numbers come from the store
// server's own data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  hasVariantChoice,
  apiClient,
  apiRoutes,
  type Location,
  type Product,
  type ProductStock,
} from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { chooseConsoleLang, signInThroughConsole } from '../support/console-page';
import { startTestServer, waitFor } from '../support/test-server';
import { chooseVariant } from '../mirror/mirror-page';
import { signIn } from '../staff/staff-helpers';
import {
  fillShopperContact,
  seriousViolations,
  smallTargets,
  waitForSync,
  wedgeScan,
} from './kiosk-page';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;

type Item = { product: Product; stock: ProductStock };

/** The demo's products with their stock, as the store server holds them. */
function itemsWithStock(): Item[] {
  const rows = server.db
    .prepare(
      `SELECT p.body AS product, s.body AS stock FROM sync_docs p
       JOIN sync_docs s ON s.collection = 'stock' AND s.id = p.id
       WHERE p.collection = 'products' AND p.deleted = 0 ORDER BY p.id`,
    )
    .all() as { product: string; stock: string }[];
  return rows.map((row) => ({
    product: JSON.parse(row.product) as Product,
    stock: JSON.parse(row.stock) as ProductStock,
  }));
}

function locations(): Location[] {
  return (
    server.db
      .prepare(`SELECT body FROM sync_docs WHERE collection = 'locations' AND deleted = 0`)
      .pluck()
      .all() as string[]
  ).map((body) => JSON.parse(body) as Location);
}

const online = () => locations().find((l) => l.kind === 'online')!;
const otherStores = () =>
  locations().filter((l) => l.kind === 'store' && l.id !== server.config.storeId);

/** Units at a location: of one variant, or of all when none is given. */
function units(item: Item, locationId: string, variantId?: string): number {
  const quantities = item.stock.levels.find((l) => l.locationId === locationId)?.quantities ?? {};
  if (variantId) return quantities[variantId] ?? 0;
  return Object.values(quantities).reduce((a, b) => a + b, 0);
}

async function scan(item: Item) {
  await page.getByRole('button', { name: /^(Accueil|Home)$/ }).click();
  await wedgeScan(page, item.product.gtin!.slice(1), 'qwerty');
  await expect
    .poll(() => page.getByTestId('product').locator('h2').first().textContent())
    .toBe(item.product.name[(await page.getByTestId('kiosk').getAttribute('lang')) as 'fr' | 'en']);
}

/** The other-store lines as the shopper reads them. */
const otherStoreLines = () => page.getByTestId('other-store').allTextContents();
const expectedLines = (item: Item, variantId?: string) =>
  otherStores().map((l) => `${l.name} (${l.city})\u202f: ${units(item, l.id, variantId)}`);

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setViewportSize({ width: 1080, height: 1920 });
  // Many axe-core runs on a loaded machine: the idle reset must not end the session meanwhile.
  await page.goto(`${server.url}/kiosk/?idleMs=3600000`);
  await waitForSync(page, server);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('kiosk reservations', () => {
  it('counts only the chosen size in other stores and online', async () => {
    // A garment whose first size's count differs from the all-sizes total in another store.
    const garment = itemsWithStock().find(
      (item) =>
        item.product.variants.length > 1 &&
        otherStores().some(
          (l) => units(item, l.id, item.product.variants[0]!.id) !== units(item, l.id),
        ),
    );
    if (!garment) throw new Error('no demo garment with sizes spread across stores');
    const size = garment.product.variants[0]!;
    await scan(garment);
    await page.getByText('Dans nos autres magasins').click();
    // No size chosen: every size counts.
    await expect.poll(otherStoreLines).toEqual(expectedLines(garment));
    expect(await page.getByTestId('stock-online').textContent()).toBe(
      `En ligne\u202f: ${units(garment, online().id)}`,
    );

    if (!size.size || !size.colour)
      throw new Error('a demo garment variant has a size and a colour');
    await chooseVariant(page, size.size, size.colour);
    await expect.poll(otherStoreLines).toEqual(expectedLines(garment, size.id));
    expect(await page.getByTestId('stock-online').textContent()).toBe(
      `En ligne\u202f: ${units(garment, online().id, size.id)}`,
    );

    // The line says which size and colour its numbers are for, in the shopper's language.
    const summary = page.locator('[data-testid="stock-here"] ~ details summary');
    expect(await summary.textContent()).toBe(
      `Dans nos autres magasins · ${size.size} · ${size.colourName?.fr ?? size.colour}`,
    );
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => summary.textContent())
      .toBe(`In our other stores · ${size.size} · ${size.colourName?.en ?? size.colour}`);
    await page.getByRole('button', { name: 'Français' }).click();
  });

  it('asks for a validated contact in a touch dialog before a reservation, and staff read it', async () => {
    const item = itemsWithStock().find(
      (i) => !hasVariantChoice(i.product) && units(i, online().id) > 0,
    );
    if (!item) throw new Error('no demo product in stock online');
    await scan(item);
    const reserve = page.getByRole('button', { name: 'Réserver (retrait en magasin)' });
    const dialog = page.getByRole('dialog', { name: 'Réserver (retrait en magasin)' });

    // Focus moves into the dialog, Escape closes it and gives focus back.
    await reserve.click();
    await expect.poll(focusedField).toBe('name');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTargets(page, '[data-testid="contact-form"]')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => reserve.evaluate((b) => b === document.activeElement)).toBe(true);
    // Cancel too.
    await reserve.click();
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    // Every missing piece is named, and the first field to correct takes focus.
    await reserve.click();
    await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').allTextContents())
      .toEqual([
        'Indiquez votre nom (2 caractères au moins).',
        'Indiquez un numéro de téléphone valide, ou un e-mail.',
        'Cochez la case pour que nous puissions vous contacter.',
      ]);
    await expect.poll(focusedField).toBe('name');
    expect(await seriousViolations(page)).toEqual([]);
    await fillShopperContact(dialog, { name: 'Camille Martin', phone: '12' }, 'fr');
    await expect
      .poll(() => dialog.getByRole('alert').allTextContents())
      .toEqual(['Indiquez un numéro de téléphone valide, ou un e-mail.']);
    await expect.poll(focusedField).toBe('phone');
    await fillShopperContact(dialog, { phone: '06 12 34 56 78' }, 'fr');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.getByText('Demande envoyée à l’équipe du magasin.').waitFor();

    const queue = await staffQueue();
    const request = await waitFor(async () => {
      const requests = await queue();
      return requests.find((r) => r.type === 'reservation' && r.productId === item.product.id);
    }, 'the reservation in the staff queue');
    expect(request.contact).toEqual({
      name: 'Camille Martin',
      phone: '06 12 34 56 78',
      email: null,
    });
    expect(await staffConsoleContact(request.id, 'fr')).toBe(
      'Contact\u202f: Camille Martin · 06 12 34 56 78',
    );
  });

  it('asks for it in English too before an order, and staff read it in English', async () => {
    const item = itemsWithStock().find(
      (i) => !hasVariantChoice(i.product) && units(i, online().id) > 0,
    );
    if (!item) throw new Error('no demo product in stock online');
    await page.getByRole('button', { name: 'English' }).click();
    await scan(item);
    await page.getByRole('button', { name: 'Order (delivery)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Order (delivery)' });
    await expect.poll(focusedField).toBe('name');
    await dialog.getByRole('button', { name: 'Send the request' }).click();
    await dialog.getByRole('alert').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTargets(page, '[data-testid="contact-form"]')).toEqual([]);
    await fillShopperContact(
      dialog,
      { name: 'Sam Taylor', email: 'sam@example.org', consent: true },
      'en',
    );
    await expect.poll(() => dialog.count()).toBe(0);
    await page.getByText('Request sent to the store team.').waitFor();
    const queue = await staffQueue();
    const request = await waitFor(async () => {
      const requests = await queue();
      return requests.find((r) => r.type === 'delivery' && r.contact?.name === 'Sam Taylor');
    }, 'the order in the staff queue');
    expect(await staffConsoleContact(request.id, 'en')).toBe(
      'Contact: Sam Taylor · sam@example.org',
    );
    await page.getByRole('button', { name: 'Français' }).click();
  });

  it('offers no reservation or order when online stock is 0, and says why', async () => {
    const soldOut = itemsWithStock().find(
      (i) =>
        !hasVariantChoice(i.product) &&
        i.stock.levels.some((l) => l.locationId === online().id) &&
        units(i, online().id) === 0,
    );
    if (!soldOut) throw new Error('no demo product sold out online');
    await scan(soldOut);
    await expect
      .poll(() => page.getByTestId('stock-online').textContent())
      .toBe('En ligne\u202f: 0');
    expect(await page.getByTestId('no-online-stock').textContent()).toBe(
      'Plus disponible en ligne\u202f: demandez à un vendeur.',
    );
    expect(await page.getByRole('button', { name: 'Réserver (retrait en magasin)' }).count()).toBe(
      0,
    );
    expect(await page.getByRole('button', { name: 'Commander (livraison)' }).count()).toBe(0);
  });
});

/** The `name` of the focused form field, if a field has focus. */
const focusedField = () => page.evaluate(() => document.activeElement?.getAttribute('name'));

/** Reads the staff queue as a signed-in staff member. */
async function staffQueue() {
  const token = await signIn(server, 'staff');
  const staff = apiClient(apiRoutes, {
    baseUrl: server.url,
    authorization: () => `Bearer ${token}`,
  });
  return async () => (await staff.requests.queue()).requests;
}

/** The contact line staff read for one request in their console, in `lang`. */
async function staffConsoleContact(requestId: string, lang: 'fr' | 'en') {
  const staff = await browser.newPage();
  await chooseConsoleLang(staff, lang);
  await signInThroughConsole(staff, server.url, 'staff', 'staff');
  const line = staff.locator(`tr[data-request="${requestId}"]`).getByTestId('request-contact');
  await line.waitFor();
  const text = (await line.textContent()) ?? '';
  expect(await seriousViolations(staff)).toEqual([]);
  await staff.close();
  await page.bringToFront(); // keys (a wedge scan) go to the kiosk page again
  return text;
}
