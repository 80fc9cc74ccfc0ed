// A real chain's products are sparse and varied: in a real Chromium, a product
// with no brand, description, picture or attributes, one item without a GTIN
// and a one-level category path shows nothing empty or broken on the kiosk
// (search tile and product page), the signage card and the mirror's garment
// list; a hardware product's twelve free attributes fill its table; and a
// 60-character or non-Latin shelf name wraps inside the search facet and the
// product's category path at 1080×1920. axe-core finds nothing serious.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { makeGtin13, type Attribute, type Product } from '@vitrine/shared/core';
import { messages, specLabel, type Lang } from '@vitrine/shared/ui';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { publish, signIn, zonesDraft } from '../signage/head-office';
import { blemishes, seriousViolations, waitForResults, waitForSync, wedgeScan } from './kiosk-page';

const PORTRAIT = { width: 1080, height: 1920 };

/** What a feed line with a name, a price and a one-level product_type gives, nothing more. */
function bare(id: string, name: Product['name'], variant: Product['variants'][number]): Product {
  return {
    id,
    name,
    brand: '',
    department: 'jardin',
    categoryPath: [{ fr: 'Jardin', en: 'Garden' }],
    description: { fr: '', en: '' },
    priceCents: 390,
    images: [],
    tags: [],
    variants: [variant],
    complementary: [],
    attributes: [],
  };
}

const twine = bare(
  'sparse-twine',
  { fr: 'Ficelle de jardin', en: 'Garden twine' },
  { id: 'sparse-twine-1' },
);
// The mirror takes a garment in by scanning it, so this one's item has a code.
const scarfGtin = `0${makeGtin13('376999999991')}`;
const scarf = bare(
  'sparse-scarf',
  { fr: 'Écharpe unie', en: 'Plain scarf' },
  { id: 'sparse-scarf-1', gtin: scarfGtin },
);

const LONG_SHELF = {
  fr: 'Outillage électroportatif, motoculture et quincaillerie générale',
  en: 'Power tools, garden machinery and general ironmongery supplies',
};
const attributes: Attribute[] = [
  { key: 'puissance', value: '750', unit: 'W', label: { fr: 'Puissance', en: 'Power' } },
  { key: 'tension', value: '230', unit: 'V' },
  { key: 'vitesse-a-vide', value: '0–3000', unit: 'tr/min' },
  { key: 'couple-maximal', value: '45', unit: 'N·m' },
  { key: 'mandrin', value: 'Autoserrant 13 mm, métal, blocage automatique de la broche' },
  { key: 'weight', value: '1,9', unit: 'kg' },
  { key: 'longueur-du-cable', value: '4', unit: 'm' },
  { key: 'niveau-sonore', value: '94', unit: 'dB(A)' },
  {
    key: 'accessoires-fournis',
    value:
      'Poignée supplémentaire, butée de profondeur, coffret de transport, jeu de 10 forets bois, métal et béton, embouts de vissage PH2 et PZ2',
    label: { fr: 'Accessoires fournis', en: 'Supplied accessories' },
  },
  { key: 'garantie', value: '3 ans', label: { fr: 'Garantie', en: 'Warranty' } },
  { key: 'reference-fabricant', value: 'PX-750-HD/2026-EU' },
  { key: 'usage', value: '電動工具 · ドリル' },
];
const drill: Product = {
  ...bare(
    'hardware-drill-750',
    { fr: 'Perceuse à percussion 750 W', en: 'Hammer drill 750 W' },
    {
      id: 'hardware-drill-750-1',
    },
  ),
  department: 'outillage',
  categoryPath: [LONG_SHELF, { fr: '電動工具', en: '電動工具' }, { fr: 'Perceuses', en: 'Drills' }],
  priceCents: 8_990,
  attributes,
};

let server: StoreServer;
let browser: BrowserContext;
let kiosk: Page;

beforeAll(async () => {
  server = await startTestServer();
  for (const product of [twine, scarf, drill]) server.catalogue.upsertProduct(product);
  browser = await launchChromium();
  kiosk = await browser.newPage();
  await kiosk.setViewportSize(PORTRAIT);
  await kiosk.goto(`${server.url}/kiosk/`);
  await waitForSync(kiosk, server);
  // The search index is rebuilt once the sync settles: wait until it holds the whole catalogue.
  const products = server.db
    .prepare(`SELECT COUNT(*) FROM sync_docs WHERE collection = 'products' AND deleted = 0`)
    .pluck()
    .get() as number;
  await kiosk.getByTestId('search-button').click();
  await waitForResults(kiosk, '', products);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

async function chooseLanguage(page: Page, lang: Lang) {
  const button = page.getByRole('button', { name: lang === 'fr' ? 'Français' : 'English' });
  if (await button.count()) await button.click();
}

/** Searches the kiosk for `product` by its name and returns its tile. */
async function findTile(product: Product, lang: Lang) {
  const input = kiosk.getByTestId('search-input');
  if (!(await input.count())) await kiosk.getByTestId('search-button').click();
  await input.fill(product.name[lang]);
  await waitForResults(kiosk, product.name[lang]);
  return kiosk.locator(`[data-testid="results"] .tile[data-product="${product.id}"]`);
}

async function openFromSearch(product: Product, lang: Lang) {
  await (await findTile(product, lang)).click();
  await expect.poll(() => kiosk.locator('#product-name').textContent()).toBe(product.name[lang]);
}

describe('a sparse product on every screen', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`kiosk, ${lang}: a tile and a page with only what exists`, async () => {
      const t = messages[lang];
      await chooseLanguage(kiosk, lang);
      const tile = await findTile(twine, lang);
      await expect.poll(() => tile.count()).toBe(1);
      expect(await tile.locator('.tile-name').textContent()).toBe(twine.name[lang]);
      expect(await tile.locator('.tile-brand').count()).toBe(0);
      expect(await tile.locator('img').count()).toBe(0);
      expect(await tile.locator('.product-image--none').count()).toBe(1);
      expect(await blemishes(kiosk, '[data-testid="results"]')).toEqual([]);
      // No empty brand to filter by.
      const brands = await kiosk
        .locator('.facets select')
        .first()
        .locator('option')
        .allTextContents();
      expect(brands.filter((option) => /^\s*\(\d+\)$/.test(option))).toEqual([]);

      await tile.click();
      await expect.poll(() => kiosk.locator('#product-name').textContent()).toBe(twine.name[lang]);
      const page = kiosk.getByTestId('product');
      expect(await page.locator('.product-brand').count()).toBe(0);
      expect(await page.locator('.product-description').count()).toBe(0);
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.getByRole('img', { name: t.noImage }).count()).toBe(1);
      expect(await page.locator('#specs-title, #food-title').count()).toBe(0);
      expect(
        await page
          .getByRole('list', { name: t.categoryPath })
          .getByRole('listitem')
          .allTextContents(),
      ).toEqual([twine.categoryPath[0]![lang]]);
      expect(await blemishes(kiosk, '[data-testid="product"]')).toEqual([]);
      expect(await seriousViolations(kiosk)).toEqual([]);
    });
  }

  it('kiosk: a hardware product’s twelve free attributes, and a long, non-Latin path that wraps', async () => {
    await chooseLanguage(kiosk, 'fr');
    await openFromSearch(drill, 'fr');
    const rows = kiosk.locator('section[aria-labelledby="specs-title"] tbody tr');
    const expected = attributes.map(
      (a) => `${a.label?.fr ?? specLabel(a.key, 'fr')}${a.unit ? `${a.value} ${a.unit}` : a.value}`,
    );
    expect(await rows.allTextContents()).toEqual(expected);
    expect(expected[0]).toBe('Puissance750 W');
    const path = kiosk.getByTestId('category-path').getByRole('listitem');
    expect(await path.allTextContents()).toEqual(drill.categoryPath.map((level) => level.fr));
    expect(await blemishes(kiosk, '[data-testid="product"]')).toEqual([]);
    expect(await seriousViolations(kiosk)).toEqual([]);

    // The search facet: the long shelf is one chip, whole and on the screen.
    await kiosk.getByTestId('search-button').click();
    await kiosk.getByTestId('search-input').fill('');
    await waitForResults(kiosk, '');
    const chip = kiosk.getByRole('group', { name: messages.fr.filters }).getByRole('button', {
      name: LONG_SHELF.fr,
    });
    await expect.poll(() => chip.count()).toBe(1);
    expect(await blemishes(kiosk, '.search')).toEqual([]);
    expect(await seriousViolations(kiosk)).toEqual([]);
  });

  it('signage: the card of a product with no picture and no brand', async () => {
    const editor = await signIn(server.url, 'editor');
    const publisher = await signIn(server.url, 'publisher');
    await publish(
      server.url,
      editor,
      publisher,
      zonesDraft('sparse', [
        {
          id: 'full',
          x: 0,
          y: 0,
          width: 100,
          height: 100,
          item: { id: 'sparse-card', kind: 'product', durationMs: 60_000, productId: twine.id },
        },
      ]),
    );
    const screen = await browser.newPage();
    await screen.setViewportSize({ width: 1920, height: 1080 });
    await screen.goto(`${server.url}/signage/`);
    const card = screen.locator(`[data-layer="current"] [data-product-id="${twine.id}"]`);
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);
    expect(await card.locator('h2').textContent()).toBe(twine.name.fr);
    expect(await card.locator('img').count()).toBe(0);
    expect(
      await blemishes(screen, `[data-layer="current"] [data-product-id="${twine.id}"]`),
    ).toEqual([]);
    expect(await seriousViolations(screen)).toEqual([]);
    await screen.close();
  });

  it('mirror: a garment with no brand, picture or size brought in', async () => {
    const mirror = await browser.newPage();
    await mirror.setViewportSize(PORTRAIT);
    await mirror.goto(`${server.url}/mirror/?room=Cabine%201`);
    await waitForSync(mirror, server);
    await wedgeScan(mirror, scarfGtin.slice(1), 'qwerty');
    const garment = mirror.getByTestId('garment');
    await expect.poll(() => garment.count()).toBe(1);
    // The list names the garment once its product is read from the device's database.
    await expect.poll(() => garment.locator('.garment-name').textContent()).toBe(scarf.name.fr);
    expect(await garment.locator('.garment-variant').count()).toBe(0);
    expect(await garment.locator('img').count()).toBe(0);
    expect(await garment.locator('.product-image--none').count()).toBe(1);
    const detail = mirror.getByTestId('garment-detail');
    await expect.poll(() => detail.locator('h2').first().textContent()).toBe(scarf.name.fr);
    expect(await detail.locator('.garment-brand').count()).toBe(0);
    expect(await detail.getByTestId('in-room-variant').count()).toBe(0);
    expect(await blemishes(mirror, '.garments')).toEqual([]);
    expect(await blemishes(mirror, '[data-testid="garment-detail"]')).toEqual([]);
    expect(await seriousViolations(mirror)).toEqual([]);
    await mirror.close();
  });
});
