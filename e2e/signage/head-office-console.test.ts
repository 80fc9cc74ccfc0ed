// The head-office console in a real Chromium against a real store server: an
// editor uploads a picture and drafts a campaign through the forms (an
// impossible schedule is refused with the server's message), a publisher
// approves it, the signage player shows it, and the proof-of-play report
// counts its plays; the fleet view shows the screen online.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { seriousViolations } from '../kiosk/kiosk-page';
import { TINY_PNG } from './head-office';
import { signInThroughConsole, signOut } from '../support/console-page';

let server: StoreServer;
let browser: BrowserContext;
let desk: Page;
const CAMPAIGN = 'black-friday';

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  await browser.addInitScript(() => localStorage.setItem('vitrine.headOffice.lang', 'fr'));
  desk = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

const endedPlays = () =>
  server.db
    .prepare(
      `SELECT COUNT(*) FROM events WHERE kind = 'proof-of-play'
       AND json_extract(payload, '$.phase') = 'end' AND json_extract(payload, '$.campaignId') = ?`,
    )
    .pluck()
    .get(CAMPAIGN) as number;

describe('head-office console in Chromium', () => {
  it('editor drafts, publisher approves, the player shows it, the report counts it', async () => {
    await signInThroughConsole(desk, server.url, 'editor');

    // Upload through the media tab.
    await desk.getByRole('tab', { name: 'Médias' }).click();
    await desk.getByLabel('Téléverser un média').setInputFiles({
      name: 'promo.png',
      mimeType: 'image/png',
      buffer: TINY_PNG,
    });
    await expect.poll(() => desk.getByRole('status').textContent()).toMatch(/promo\.png/);
    const sha256 = await desk.locator('.media-grid li').first().getAttribute('data-sha256');
    // A file that is not what it claims: the server's refusal, word for word.
    await desk.getByLabel('Téléverser un média').setInputFiles({
      name: 'fake.png',
      mimeType: 'image/png',
      buffer: Buffer.from('<html>not a picture</html>'),
    });
    await expect
      .poll(() => desk.getByRole('alert').textContent())
      .toBe('Refusé : only PNG, JPEG, WebP images and MP4, WebM videos are accepted');
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);

    // Draft: a ticker then the picture, 2 s each, every day since 2020.
    await desk.getByRole('tab', { name: 'Campagnes' }).click();
    await desk.getByRole('button', { name: 'Nouvelle campagne' }).click();
    await desk.getByLabel('Identifiant', { exact: true }).fill(CAMPAIGN);
    await desk.getByLabel('Nom', { exact: true }).fill('Black Friday');
    await desk.getByLabel('Texte (fr)').fill('Tout à -30 %');
    await desk.getByLabel('Texte (en)').fill('Everything 30 % off');
    await desk.getByRole('button', { name: 'Ajouter un élément' }).click();
    await desk.getByLabel('Fichier').selectOption(sha256);
    for (const duration of await desk.getByLabel('Durée (s)').all()) await duration.fill('2');
    await desk.getByLabel('Du', { exact: true }).fill('2020-01-02');
    await desk.getByLabel('Au (facultatif)').fill('2020-01-01');
    // The preview lays the zone out with the player's timeline: the ticker first.
    await expect
      .poll(() =>
        desk
          .getByTestId('campaign-preview')
          .locator('[data-zone="main"]')
          .getAttribute('data-item'),
      )
      .toBe('item');

    expect(await seriousViolations(desk)).toEqual([]);

    // An impossible schedule: refused with the server's own words.
    await desk.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect
      .poll(() => desk.getByRole('alert').textContent())
      .toMatch(/Refusé : the schedule ends \(2020-01-01\) before it starts \(2020-01-02\)/);
    expect(await desk.getByRole('button', { name: 'Soumettre à validation' }).isDisabled()).toBe(
      true,
    );

    await desk.getByLabel('Au (facultatif)').fill('');
    await desk.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect
      .poll(() => desk.getByRole('status').first().textContent())
      .toBe('Brouillon enregistré.');
    await desk.getByRole('button', { name: 'Soumettre à validation' }).click();
    const row = desk.locator(`tr[data-campaign="${CAMPAIGN}"]`);
    await expect.poll(() => row.getAttribute('data-status')).toBe('submitted');
    // An editor cannot approve: the button is not offered.
    expect(await row.getByRole('button', { name: 'Approuver et publier' }).count()).toBe(0);

    await signOut(desk);
    await signInThroughConsole(desk, server.url, 'publisher');
    await desk
      .locator(`tr[data-campaign="${CAMPAIGN}"]`)
      .getByRole('button', { name: 'Approuver et publier' })
      .click();
    await expect
      .poll(() => desk.locator(`tr[data-campaign="${CAMPAIGN}"]`).getAttribute('data-status'))
      .toBe('published');

    // The screen shows it: the verified picture and the ticker in turn.
    const screen = await browser.newPage();
    await screen.goto(`${server.url}/signage/`);
    await expect
      .poll(() => screen.getByTestId('player').getAttribute('data-campaign'), { timeout: 30_000 })
      .toBe(CAMPAIGN);
    await expect
      .poll(() => screen.locator(`img[data-sha256="${sha256}"]`).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);

    // Fleet: the screen is online, and sends a screenshot on demand.
    await desk.getByRole('tab', { name: 'Écrans' }).click();
    const screenRow = desk.locator('tr[data-screen]').first();
    await expect
      .poll(() => screenRow.getAttribute('data-online'), { timeout: 10_000 })
      .toBe('true');
    // What it shows is announced as soon as it changes, not at the next 30 s heartbeat.
    await expect
      .poll(() => screenRow.locator('td').nth(1).textContent(), { timeout: 10_000 })
      .toBe(`${CAMPAIGN} (scheduled, révision 1)`);
    await screenRow.getByRole('button', { name: 'Capture' }).click();
    await expect
      .poll(() => screenRow.locator('img.screenshot').count(), { timeout: 20_000 })
      .toBe(1);

    // Proof of play: after a few plays ended and were delivered, the report counts them.
    await expect.poll(endedPlays, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    await desk.getByRole('tab', { name: 'Diffusion' }).click();
    await desk.getByRole('button', { name: 'Actualiser' }).click();
    // The player goes on playing: read the total and the campaign's row from one
    // rendering of the report, once the refreshed one is shown.
    const report = () =>
      desk.evaluate((campaign) => {
        const plays = (selector: string) =>
          Number(document.querySelector(selector)?.getAttribute('data-plays'));
        return {
          total: plays('[data-testid="report-total"]'),
          campaign: plays(`[data-testid="by-campaign"] tr[data-key="${campaign}"] td[data-plays]`),
        };
      }, CAMPAIGN);
    await expect
      .poll(async () => (await report()).total, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(3);
    const counts = await report();
    expect(counts.campaign).toBe(counts.total);
    expect(await desk.getByTestId('by-hour').locator('canvas').count()).toBe(1);
    expect(await seriousViolations(desk)).toEqual([]);
    await desk.getByRole('button', { name: 'Exporter en CSV' }).click();
    const download = desk.waitForEvent('download');
    await desk.getByRole('link', { name: 'proof-of-play.csv' }).click();
    const csvPath = await (await download).path();
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'campaign,store,screen,hour_utc,plays,played_seconds,interrupted_plays',
    );
    expect(csv).toContain(`${CAMPAIGN},paris-rivoli,`);

    // English on demand.
    await desk.getByRole('button', { name: 'English' }).click();
    expect(await desk.getByRole('tab', { name: 'Proof of play' }).count()).toBe(1);
    await screen.close();
  }, 60_000);
});
