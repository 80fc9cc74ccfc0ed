// The assistant on the kiosk, in a real Chromium against the demo store: a
// question asked with the network cut is answered from the kiosk's own copy
// (the engine in its worker); a shelf question shows products that open; a
// size question on a product's page answers from its variants; abuse gets a
// fixed answer and no echo; "Talk to someone" reaches the staff console with
// the conversation, personal data masked, and the products looked at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { expertSignsIn } from '../experts/call-helpers';
import { launchChromium } from '../support/chromium';
import { chooseConsoleLang, signInThroughConsole } from '../support/console-page';
import { startTestServer } from '../support/test-server';
import { seriousViolations, waitForSync } from './kiosk-page';

const PORTRAIT = { width: 1080, height: 1920 };

let server: StoreServer;
let browser: BrowserContext;
let kiosk: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  kiosk = await browser.newPage();
  await kiosk.setViewportSize(PORTRAIT);
  await kiosk.goto(`${server.url}/kiosk/`);
  await waitForSync(kiosk, server);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

async function ask(question: string) {
  const last = kiosk.getByTestId('assistant-log').locator('li.assistant-turn').last();
  const turnOf = async () =>
    (await last.count()) ? Number(await last.getAttribute('data-turn')) : -1;
  const before = await turnOf();
  await kiosk.getByTestId('assistant-input').fill(question);
  await kiosk
    .getByRole('button', { name: /^(Demander|Ask)$/ })
    .first()
    .click();
  await expect.poll(turnOf, { timeout: 30_000 }).toBe(before + 1);
  return last;
}

describe('the kiosk’s assistant', () => {
  it('answers offline from the kiosk’s copy, typed on the screen’s keyboard', async () => {
    await browser.setOffline(true);
    try {
      await kiosk.getByTestId('assistant-button').click();
      const keyboard = kiosk.getByTestId('osk');
      // "wifi ?" on the AZERTY keyboard, key by key.
      for (const key of ['w', 'i', 'f', 'i'])
        await keyboard.getByRole('button', { name: key, exact: true }).click();
      await keyboard.getByRole('button', { name: 'Espace' }).click();
      await keyboard.getByRole('button', { name: '?', exact: true }).click();
      expect(await kiosk.getByTestId('assistant-input').inputValue()).toBe('wifi ?');
      await keyboard.getByRole('button', { name: 'Demander' }).click();
      const turn = kiosk.getByTestId('assistant-log').locator('li.assistant-turn').last();
      await expect
        .poll(() => turn.getAttribute('data-outcome'), { timeout: 30_000 })
        .toBe('answered');
      expect(await turn.getByTestId('assistant-answer').getAttribute('data-answer-id')).toBe(
        'faq-wifi',
      );
      expect(await turn.textContent()).toContain('Vitrine-Invités');

      const toilets = await ask('ou sont les toilettes svp');
      expect(await toilets.getByTestId('assistant-answer').getAttribute('data-answer-id')).toBe(
        'faq-toilets',
      );
    } finally {
      await browser.setOffline(false);
    }
  });

  it('shows a shelf’s products for a catalogue question, and a tile opens its page', async () => {
    const turn = await ask('vous avez des écouteurs sans fil ?');
    const tiles = turn.locator('.tile');
    await expect.poll(() => tiles.count()).toBeGreaterThan(0);
    const first = await tiles.first().getAttribute('data-product-id');
    const name = await tiles.first().locator('.tile-name').textContent();
    // "Continue on my phone": a QR code of a link whose page lists the answer's products.
    await kiosk.getByTestId('continue-on-phone-button').click();
    const qr = kiosk.getByTestId('continue-on-phone');
    await qr.waitFor();
    expect(await qr.locator('img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const phonePage = await (await fetch((await qr.getAttribute('data-url'))!)).text();
    expect(phonePage).toContain(`data-product-id="${first}"`);
    await tiles.first().click();
    await expect.poll(() => kiosk.locator('#product-name').textContent()).toBe(name);
    expect(first).toMatch(/^earbuds-/);
  });

  it('refuses abuse with a fixed answer and no echo, says when it is not sure, offers close answers and puts typos right', async () => {
    await kiosk.getByTestId('assistant-button').click();
    const refused = await ask('espèce de connard');
    expect(await refused.getAttribute('data-outcome')).toBe('refused');
    expect(await refused.textContent()).not.toContain('connard');
    const unsure = await ask('vous vendez des timbres ?');
    expect(await unsure.getAttribute('data-outcome')).toBe('unsure');
    // Unsure but close: the close answers are offered to tap, and a tap shows one.
    const close = await ask('des bulles pour fêter un anniversaire');
    expect(await close.getAttribute('data-outcome')).toBe('unsure');
    await close
      .getByTestId('assistant-suggestions')
      .getByRole('button', { name: 'Champagnes' })
      .click();
    await expect
      .poll(() => close.getByTestId('assistant-answer').getAttribute('data-answer-id'))
      .toBe('shelf:vins-champagnes');
    // A typo is put right toward the store's words.
    const typo = await ask('service de retouhce ?');
    expect(await typo.getByTestId('assistant-answer').getAttribute('data-answer-id')).toBe(
      'faq-alterations',
    );
    expect(await seriousViolations(kiosk)).toEqual([]);
  });

  it('hands off to staff with the conversation, masked, and the products looked at', async () => {
    await ask('je veux être rappelé au 06 12 34 56 78 pour une livraison à domicile');
    await kiosk.getByTestId('assistant-hand-off').click();
    await kiosk.getByTestId('assistant-handed-off').waitFor();

    await chooseConsoleLang(browser, 'fr');
    const desk = await browser.newPage();
    await signInThroughConsole(desk, server.url, 'staff', 'staff');
    const conversation = desk.getByTestId('request-conversation').first();
    await conversation.waitFor({ timeout: 30_000 });
    const text = (await conversation.textContent()) ?? '';
    expect(text).toContain('wifi ?');
    expect(text).toContain('[phone]');
    expect(text).not.toContain('06 12 34 56 78');
    expect(text).toContain('livraison à domicile');
    // The product opened from the earbuds' answer is among those looked at.
    expect(await desk.getByTestId('request-viewed').first().textContent()).toMatch(/Écouteurs/);
    await desk.close();
  });
  it('offers an expert whose skill matches the conversation only while one is free, and rings them with it', async () => {
    await kiosk.getByTestId('assistant-button').click();
    const expert = await browser.newPage();
    await chooseConsoleLang(expert, 'fr');
    await expertSignsIn(expert, server, 'expert-julie-mercier'); // style
    await ask('un pull en laine');
    // Nobody free yet: no expert offered.
    expect(await kiosk.getByTestId('assistant-expert').count()).toBe(0);
    await expert.getByTestId('available').check();
    const offer = kiosk.getByTestId('assistant-expert');
    await offer.waitFor({ timeout: 20_000 });
    await offer.click();
    const ringing = expert.locator('[data-testid="ringing"] article');
    await ringing.waitFor({ timeout: 20_000 });
    const transcript = ringing.getByTestId('call-transcript');
    expect(await transcript.textContent()).toContain('un pull en laine');
    await expert.close();
  });

  it(
    'answers in well under 50 ms on the device (p95 of 30 questions, the engine warm)',
    { timeout: 120_000 },
    async () => {
      await kiosk.getByTestId('assistant-button').click();
      const questions = [
        'horaires du dimanche',
        'do you deliver',
        'un vin pour des huîtres',
        'carte cadeau',
        'where can I park',
        'retour sans ticket ?',
        'casque audio bluetooth',
        'wifi gratuit',
        'toilettes',
        'pay by card',
      ];
      const times: number[] = [];
      for (let round = 0; round < 3; round++)
        for (const question of questions) {
          const turn = await ask(question);
          times.push(Number(await turn.getAttribute('data-ms')));
        }
      times.sort((a, b) => a - b);
      const p95 = times[Math.ceil(0.95 * times.length) - 1]!;
      console.log(
        `assistant on the kiosk (Chromium worker): p95 ${p95} ms, max ${times.at(-1)} ms`,
      );
      expect(p95).toBeLessThanOrEqual(50);
    },
  );
});
