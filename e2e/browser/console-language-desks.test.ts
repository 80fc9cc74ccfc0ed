// The staff and expert consoles, signed in, speak one language at a time: the
// one chosen with the switch in their header, remembered across reloads, with
// money in that language's way and no "French / English" pair left on screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { signInThroughConsole, signOut } from '../support/console-page';
import { startTestServer } from '../support/test-server';
import { seriousViolations } from '../kiosk/kiosk-page';
import { memberCard, productCodes } from '../staff/staff-helpers';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const htmlLang = () => page.evaluate(() => document.documentElement.lang);
const bodyText = () => page.locator('body').innerText();

/** Chooses a language with the console's own switch (whatever it started in). */
async function choose(lang: 'fr' | 'en') {
  if ((await htmlLang()) !== lang) await page.getByTestId('lang-switch').click();
  await expect.poll(htmlLang).toBe(lang);
}

/** A "Demandes / Requests" pair: a word, a slash between spaces, a word. */
const BILINGUAL_PAIR = /\p{L} \/ \p{L}/u;

async function expectOneLanguage(absent: string[]) {
  const text = await bodyText();
  expect(text).not.toMatch(BILINGUAL_PAIR);
  for (const word of absent) expect(text).not.toContain(word);
  expect(await seriousViolations(page)).toEqual([]);
}

/** Opens a tab by its name and looks a product up in the stock tool. */
async function stockOf(tab: string, search: string, code: string) {
  await page.getByRole('tab', { name: tab }).click();
  await page.getByTestId('stock-query').fill(code);
  await page.getByRole('button', { name: search, exact: true }).click();
  await page.getByTestId('stock-result').waitFor();
}

describe('staff console language', () => {
  it('speaks only French once French is chosen', async () => {
    await signInThroughConsole(page, server.url, 'staff', 'staff');
    await choose('fr');
    expect(await page.getByRole('tab', { name: 'Demandes' }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: 'Fidélité' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Déconnexion' }).count()).toBe(1);
    expect(await page.title()).toBe('Vitrine · Équipe du magasin');
    await expect.poll(bodyText).toContain('Demandes en cours (0)');
    await expectOneLanguage(['Requests', 'Sign out', 'Loyalty']);

    // Too short a search: said in the console's words, not the schema's.
    await page.getByRole('tab', { name: 'Stock' }).click();
    await page.getByTestId('stock-query').fill('a');
    await page.getByRole('button', { name: 'Chercher', exact: true }).click();
    await expect
      .poll(() => bodyText())
      .toContain('Tapez au moins 2 caractères, ou scannez le code.');
    await stockOf('Stock', 'Chercher', productCodes(server, 'food', 1)[0]!);
    expect(await bodyText()).not.toContain('Tapez au moins');
    const result = await page.getByTestId('stock-result').innerText();
    expect(result).toMatch(/\d,\d{2}\u00a0€/); // 12,50 €
    expect(await page.getByRole('button', { name: 'Corriger' }).count()).toBeGreaterThan(0);
    await expectOneLanguage(['Search', 'Correct']);

    await page.getByRole('tab', { name: 'Fidélité' }).click();
    await page.getByTestId('card-input').fill(memberCard(server, 'silver'));
    await page.getByRole('button', { name: 'Chercher', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('member').innerText())
      .toMatch(/points · \d+ avantage/);
    expect(await page.getByRole('heading', { name: 'Panier' }).count()).toBe(1);
    await expectOneLanguage(['Basket', 'perks']);

    await page.getByRole('tab', { name: 'Écrans' }).click();
    await page.getByTestId('pairing-code').fill('000000');
    await page.getByRole('button', { name: 'Approuver' }).click();
    // The server's refusal, in the console's words.
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Aucun écran n’attend ce code.');
    await expectOneLanguage(['New screens', 'Approve']);
  });

  it('speaks only English once English is chosen, and remembers it', async () => {
    await choose('en');
    await page.reload();
    // The console renders once the store's currency is known: wait for it, then count.
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await expect.poll(htmlLang).toBe('en');
    expect(await page.getByRole('tab', { name: 'Requests' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    expect(await page.title()).toBe('Vitrine · Store staff');
    await expect.poll(bodyText).toContain('Open requests (0)');
    await expectOneLanguage(['Demandes', 'Déconnexion', 'Fidélité']);

    await stockOf('Stock', 'Search', productCodes(server, 'food', 1)[0]!);
    expect(await page.getByTestId('stock-result').innerText()).toMatch(/€\d+\.\d{2}/); // €12.50
    await expectOneLanguage(['Chercher', 'Corriger']);

    await page.getByRole('tab', { name: 'Loyalty' }).click();
    await page.getByTestId('card-input').fill(memberCard(server, 'silver'));
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await expect.poll(() => page.getByTestId('member').innerText()).toMatch(/points · \d+ perk/);
    await expectOneLanguage(['Panier', 'avantages']);
    await signOut(page);
  });
});

describe('expert console language', () => {
  it('speaks only French once French is chosen', async () => {
    await signInThroughConsole(page, server.url, 'expert-julie-mercier', 'expert');
    await page.getByTestId('available').waitFor();
    await choose('fr');
    expect(await page.getByRole('heading', { name: 'Disponibilité' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Déconnexion' }).count()).toBe(1);
    expect(await page.title()).toBe('Vitrine · Experts à distance');
    // Not available yet: told how to receive calls, with French quotes and spacing.
    await expect
      .poll(bodyText)
      .toContain('Cochez «\u202fDisponible\u202f» pour recevoir des appels.');
    await expectOneLanguage(['Availability', 'Sign out', 'Incoming calls']);
    await page.getByTestId('available').check();
    await expect.poll(bodyText).toContain('Aucun appel pour l’instant\u202f:');
    await expectOneLanguage(['No call yet', 'Skills']);
  });

  it('speaks only English once English is chosen, and remembers it', async () => {
    await choose('en');
    await page.reload();
    await page.getByTestId('available').waitFor();
    await expect.poll(htmlLang).toBe('en');
    expect(await page.getByRole('heading', { name: 'Availability' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    expect(await page.getByText('Auto-answer').count()).toBe(1);
    await expect.poll(bodyText).toMatch(/Incoming calls/);
    await expectOneLanguage(['Disponibilité', 'Déconnexion', 'Appels entrants', 'Compétences']);
  });
});
