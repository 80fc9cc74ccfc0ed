// A food product page in a real Chromium, in French then English: every
// allergen reads in the screen's language (never the other one, never a raw
// tag), allergens stand out in their box and in the ingredients, the products
// that pair with it are shown and open, and axe-core finds nothing serious.
// Expectations come from the served data and the kiosk's own dictionaries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import {
  contrastRatio,
  FoodFacts,
  makeGtin13,
  markAllergenWords,
  MIN_TEXT_CONTRAST,
  Product,
  ProductReviews,
  readAllergenTag,
  type AllergenCode,
} from '@vitrine/shared/core';
import { makeI18n, messages, type Lang } from '@vitrine/shared/ui';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { seriousViolations, waitForSync } from './kiosk-page';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;
let catalogue: Product[];
let product: Product;
let wine: Product;
let wineReviews: ProductReviews;

const LANGS = ['fr', 'en'] as const;
/** The demo's food products have every part a feed may leave out (the panel hides a missing one). */
const DemoFood = FoodFacts.required({
  composition: true,
  origin: true,
  allergens: true,
  pairings: true,
});
const demoFood = (p: Product) => DemoFood.parse(p.food);
const other = (lang: Lang): Lang => (lang === 'fr' ? 'en' : 'fr');
const codesOf = (tags: readonly string[]) =>
  tags.map((tag) => readAllergenTag(tag).code).filter((code): code is AllergenCode => !!code);
const names = (tags: readonly string[], lang: Lang) =>
  codesOf(tags).map((code) => messages[lang].allergenNames[code]);

function servedProducts(): Product[] {
  const bodies = server.db
    .prepare(`SELECT body FROM sync_docs WHERE collection = 'products' ORDER BY id`)
    .pluck()
    .all() as string[];
  return bodies.map((body) => Product.parse(JSON.parse(body)));
}

/** A food product with pairings whose allergens are spelt differently in French and
 * English and show in its ingredients; one whose origin is translated too if there is one. */
function pickFoodProduct(all: Product[]): Product {
  const candidates = all.filter((p) => {
    const food = p.food && DemoFood.safeParse(p.food).data;
    if (!food || food.pairings.length === 0) return false;
    const codes = codesOf(food.allergens);
    return (
      codes.some((code) => messages.fr.allergenNames[code] !== messages.en.allergenNames[code]) &&
      LANGS.every((lang) =>
        markAllergenWords(food.composition[lang], codes, lang).some((part) => part.allergen),
      )
    );
  });
  const translatedOrigin = candidates.find(
    ({ food }) => food?.originLabel && food.originLabel.fr !== food.originLabel.en,
  );
  const chosen = translatedOrigin ?? candidates[0];
  if (!chosen) throw new Error('no food product with allergens and pairings in the demo');
  return chosen;
}

beforeAll(async () => {
  server = await startTestServer();
  catalogue = servedProducts();
  product = pickFoodProduct(catalogue);
  const reviews = new Map(
    (
      server.db
        .prepare(`SELECT body FROM sync_docs WHERE collection = 'reviews'`)
        .pluck()
        .all() as string[]
    )
      .map((body) => ProductReviews.parse(JSON.parse(body)))
      .map((doc) => [doc.id, doc]),
  );
  const reviewed = catalogue.filter(
    (p) => p.food?.dishes?.length && p.food.pairings?.length && reviews.get(p.id)?.reviews.length,
  );
  wine = reviewed[0] ?? catalogue.find((p) => p.id.startsWith('wine-red-'))!;
  wineReviews = reviews.get(wine.id) ?? {
    id: wine.id,
    average: 0,
    count: 0,
    histogram: [0, 0, 0, 0, 0],
    reviews: [],
  };
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${server.url}/kiosk/`);
  await waitForSync(page, server);
});
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

async function openProduct(lang: Lang, which = product): Promise<Locator> {
  await page.getByTestId('code-input').fill(which.gtin!.slice(1));
  await page.getByTestId('code-input').press('Enter');
  await expect.poll(() => page.locator('#product-name').textContent()).toBe(which.name[lang]);
  return page.locator('section[aria-labelledby="food-title"]');
}

/** A computed `rgb(r, g, b)` colour written #rrggbb, as contrastRatio reads it. */
const hex = (rgb: string) =>
  `#${(rgb.match(/\d+/g) ?? [])
    .slice(0, 3)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('')}`;

const style = (on: Locator, property: 'fontWeight' | 'color') =>
  on.evaluate((el, key) => getComputedStyle(el)[key], property);

describe('kiosk food product page', () => {
  for (const lang of LANGS) {
    it(`reads every food fact in ${lang}, allergens marked, pairings that open`, async () => {
      const t = messages[lang];
      if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
      const facts = await openProduct(lang);
      const food = demoFood(product);

      // Allergens and traces in this language; the other language's spelling nowhere.
      const text = await facts.innerText();
      const description = await page.locator('.product-description').innerText();
      const declared = [...food.allergens, ...(food.traces ?? [])];
      const foreign = names(declared, other(lang)).filter(
        (word) => !names(declared, lang).includes(word),
      );
      expect(foreign.length).toBeGreaterThan(0);
      for (const word of foreign) {
        const whole = new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'iu');
        expect(text, `"${word}" in ${lang}`).not.toMatch(whole);
        expect(description, `"${word}" in ${lang}`).not.toMatch(whole);
      }
      expect(text).not.toMatch(/\b[a-z]{2}:[a-z-]+/); // no raw tag
      const box = page.getByRole('group', { name: t.allergens });
      const shown = await box.getByRole('listitem').allTextContents();
      expect(shown.map((s) => s.trim()).sort()).toEqual(names(food.allergens, lang).sort());
      for (const trace of names(food.traces ?? [], lang)) expect(text).toContain(trace);
      // The Nutri-Score only when the catalogue gives one.
      expect(await facts.getByTestId('nutriscore').count()).toBe(food.nutriscoreGrade ? 1 : 0);
      const origin = food.originLabel?.[lang] ?? food.origin;
      expect(await page.getByTestId('origin').textContent()).toBe(t.labelled(t.origin, origin));

      // Marked: bold, in the alert colour, under a heading with an icon.
      const bodyColour = await style(facts, 'color');
      for (const item of await box.getByRole('listitem').locator('strong').all()) {
        expect(Number(await style(item, 'fontWeight'))).toBeGreaterThanOrEqual(700);
        expect(await style(item, 'color')).not.toBe(bodyColour);
      }
      expect(await box.locator('svg[aria-hidden="true"]').count()).toBe(1);
      // In the ingredients, each word that reveals a declared allergen, announced as one.
      const expected = markAllergenWords(food.composition[lang], codesOf(food.allergens), lang)
        .filter((part) => part.allergen)
        .map((part) => `${part.text} (${t.allergenWord})`);
      const words = page.getByTestId('ingredients').locator('.allergen-word');
      expect(await words.allTextContents()).toEqual(expected);
      for (const word of await words.all()) {
        expect(Number(await style(word, 'fontWeight'))).toBeGreaterThanOrEqual(700);
      }

      expect(await seriousViolations(page)).toEqual([]);

      // Pairings: the served ones, in this language, and a tap opens one.
      const paired = catalogue.filter((p) => food.pairings.slice(0, 6).includes(p.id));
      const tiles = page.getByTestId('pairings').getByRole('button');
      expect((await tiles.locator('.tile-name').allTextContents()).sort()).toEqual(
        paired.map((p) => p.name[lang]).sort(),
      );
      const first = await tiles.first().getAttribute('data-product-id');
      await tiles.first().click();
      await expect
        .poll(() => page.locator('#product-name').textContent())
        .toBe(paired.find((p) => p.id === first)?.name[lang]);

      // A wine: the dishes it goes with, in this language, before the products.
      await openProduct(lang, wine);
      const dishes = (wine.food?.dishes ?? []).map((dish) => dish[lang]);
      expect(dishes.length).toBeGreaterThan(0);
      expect(await page.getByTestId('dishes').getByRole('listitem').allTextContents()).toEqual(
        dishes,
      );
      expect(await page.getByTestId('pairings').getByRole('button').count()).toBeGreaterThan(0);
      // Its reviews are dated the way the language writes a day (17/11/2026, never 11/17/2026).
      const latest = wineReviews.reviews.toSorted((a, b) => b.date.localeCompare(a.date))[0];
      expect(latest).toBeDefined();
      expect(await page.locator('.review-list').innerText()).toContain(
        `${latest!.author} · ${makeI18n(lang).date(latest!.date)}`,
      );
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  it('shows only the food facts a catalogue has: no empty part, no "no allergens" when unknown', async () => {
    const gtin = `0${makeGtin13('376999999990')}`;
    const sparse: Product = {
      ...product,
      id: 'sparse-food',
      gtin,
      name: { fr: 'Yaourt nature', en: 'Plain yoghurt' },
      variants: [{ id: 'sparse-food-1', gtin }],
      // A feed with traces, one nutriment and the Nutri-Score: no ingredients, allergens, origin or other values.
      food: { traces: ['en:nuts'], nutritionPer100g: { fat: 3.5 }, nutriscoreGrade: 'd' },
    };
    server.catalogue.upsertProduct(sparse);
    const t = messages.fr;
    const french = page.getByRole('button', { name: 'Français' });
    if (await french.count()) await french.click();
    await expect
      .poll(async () => {
        await page.getByTestId('code-input').fill(gtin.slice(1));
        await page.getByTestId('code-input').press('Enter');
        return page.locator('#product-name').textContent();
      })
      .toBe(sparse.name.fr);
    const facts = page.locator('section[aria-labelledby="food-title"]');
    expect(await facts.getByTestId('ingredients').count()).toBe(0);
    expect(await facts.getByTestId('origin').count()).toBe(0);
    expect(await facts.getByTestId('allergens').count()).toBe(0);
    expect(await facts.innerText()).not.toContain(t.noAllergens);
    expect(await facts.getByTestId('traces').innerText()).toContain(names(['en:nuts'], 'fr')[0]!);
    expect(await facts.locator('table tbody tr').allTextContents()).toEqual([
      `${t.nutrients.fat}${makeI18n('fr').number(3.5)}`,
    ]);
    // The Nutri-Score: one image read "Nutri-Score : D", the five letters, D larger than the rest.
    const score = facts.getByRole('img', { name: t.labelled(t.nutriscore, 'D') });
    expect(await score.count()).toBe(1);
    const letters = score.locator('.nutriscore-letter');
    expect(await letters.allTextContents()).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(await score.locator('.chosen').textContent()).toBe('D');
    const height = (on: Locator) => on.evaluate((el) => el.getBoundingClientRect().height);
    expect(await height(score.locator('.chosen'))).toBeGreaterThan(await height(letters.first()));
    for (const letter of await letters.all()) {
      const [name, ink, ground] = await letter.evaluate((el) => {
        const style = getComputedStyle(el);
        return [el.textContent ?? '', style.color, style.backgroundColor];
      });
      expect(contrastRatio(hex(ink), hex(ground)), name).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    }
    expect(await seriousViolations(page)).toEqual([]);
  });
});
