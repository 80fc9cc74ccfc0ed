// Reserving and ordering from the kiosk in a real Chromium: other stores count
// only the size chosen, the shopper leaves a validated contact that staff then
// see with the request, and nothing is offered once online stock is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StaffRequest } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer, waitFor } from '../support/test-server';
import { signIn } from '../staff/staff-helpers';
import { waitForSync, wedgeScan } from './kiosk-page';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;

type Level = { locationId: string; quantities: Record<string, number> };

/** Levels of the products whose stock matches `where` (SQL over products p, stock s). */
function products(where: string) {
  const online = server.db
    .prepare(
      `SELECT id FROM sync_docs WHERE collection = 'locations' AND json_extract(body, '$.kind') = 'online'`,
    )
    .pluck()
    .get() as string;
  const rows = server.db
    .prepare(
      `SELECT p.id, json_extract(p.body, '$.gtin') AS gtin, p.body AS product, s.body AS stock
       FROM sync_docs p JOIN sync_docs s ON s.collection = 'stock' AND s.id = p.id
       WHERE p.collection = 'products' AND ${where} ORDER BY p.id`,
    )
    .all() as { id: string; gtin: string; product: string; stock: string }[];
  return rows.map((row) => ({
    id: row.id,
    gtin: row.gtin,
    variants: (JSON.parse(row.product) as { variants: { gtin: string; size?: string }[] }).variants,
    levels: (JSON.parse(row.stock) as { levels: Level[] }).levels,
    online,
  }));
}

const onlineUnits = (levels: Level[], online: string) =>
  Object.values(levels.find((l) => l.locationId === online)?.quantities ?? {}).reduce(
    (a, b) => a + b,
    0,
  );

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${server.url}/kiosk/`);
  await waitForSync(page, server);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('kiosk reservations', () => {
  it('counts only the chosen size in other stores', async () => {
    const storeId = server.config.storeId;
    // A garment where the chosen size's count differs from the all-sizes total somewhere.
    const garment = products(`json_array_length(p.body, '$.variants') > 1`).find((p) =>
      p.levels.some(
        (l) =>
          l.locationId !== storeId &&
          l.locationId !== p.online &&
          (l.quantities[p.variants[0]!.gtin] ?? 0) !==
            Object.values(l.quantities).reduce((a, b) => a + b, 0),
      ),
    );
    if (!garment) throw new Error('no demo garment with sizes spread across stores');
    const size = garment.variants[0]!;
    await wedgeScan(page, garment.gtin.slice(1), 'qwerty');
    await page.getByTestId('product').waitFor();
    await page
      .getByRole('button', { name: new RegExp(`^${size.size ?? size.gtin}\\b`) })
      .first()
      .click();
    await page.getByText('Dans nos autres magasins').click();
    const expected = Object.fromEntries(
      garment.levels
        .filter((l) => l.locationId !== storeId && l.locationId !== garment.online)
        .map((l) => [l.locationId, String(l.quantities[size.gtin] ?? 0)]),
    );
    await expect
      .poll(() =>
        page
          .getByTestId('other-store')
          .evaluateAll((rows) =>
            Object.fromEntries(
              rows.map((r) => [r.getAttribute('data-location'), r.getAttribute('data-units')]),
            ),
          ),
      )
      .toEqual(expected);
  });

  it('asks for a validated contact before a reservation, and staff see it', async () => {
    const item = products(`json_array_length(p.body, '$.variants') = 0`).find(
      (p) => onlineUnits(p.levels, p.online) > 0,
    );
    if (!item) throw new Error('no demo product in stock online');
    await page.getByRole('button', { name: 'Accueil' }).click();
    await wedgeScan(page, item.gtin.slice(1), 'qwerty');
    await page.getByTestId('product').waitFor();
    await page.getByRole('button', { name: 'Réserver (retrait en magasin)' }).click();
    const form = page.getByTestId('contact-form');
    await form.getByRole('button', { name: 'Envoyer la demande' }).click();
    await expect
      .poll(() => form.getByRole('alert').allTextContents())
      .toEqual([
        'Indiquez votre nom (2 caractères au moins).',
        'Indiquez un numéro de téléphone valide, ou un e-mail.',
        'Cochez la case pour que nous puissions vous contacter.',
      ]);
    await form.getByLabel('Nom').fill('Camille Martin');
    await form.getByLabel('Téléphone').fill('12');
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Envoyer la demande' }).click();
    await expect
      .poll(() => form.getByRole('alert').allTextContents())
      .toEqual(['Indiquez un numéro de téléphone valide, ou un e-mail.']);
    await form.getByLabel('Téléphone').fill('06 12 34 56 78');
    await form.getByRole('button', { name: 'Envoyer la demande' }).click();
    await page.getByText('Demande envoyée à l’équipe du magasin.').waitFor();

    const token = await signIn(server, 'staff');
    const request = await waitFor(async () => {
      const response = await fetch(`${server.url}/api/v1/requests`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const { requests } = (await response.json()) as { requests: StaffRequest[] };
      return requests.find((r) => r.type === 'reservation' && r.productId === item.id);
    }, 'the reservation in the staff queue');
    expect(request.contact).toEqual({
      name: 'Camille Martin',
      phone: '06 12 34 56 78',
      email: null,
    });
  });

  it('offers no reservation or order when online stock is 0', async () => {
    const soldOut = products(`json_array_length(p.body, '$.variants') = 0`).find(
      (p) =>
        onlineUnits(p.levels, p.online) === 0 && p.levels.some((l) => l.locationId === p.online),
    );
    if (!soldOut) throw new Error('no demo product sold out online');
    await page.getByRole('button', { name: 'Accueil' }).click();
    await wedgeScan(page, soldOut.gtin.slice(1), 'qwerty');
    await page.getByTestId('product').waitFor();
    await expect.poll(() => page.getByTestId('stock-online').textContent()).toBe('En ligne : 0');
    expect(await page.getByRole('button', { name: 'Réserver (retrait en magasin)' }).count()).toBe(
      0,
    );
    expect(await page.getByRole('button', { name: 'Commander (livraison)' }).count()).toBe(0);
  });
});
