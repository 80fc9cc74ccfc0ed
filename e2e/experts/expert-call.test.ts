// A real expert call: the expert console in one Chromium, the real kiosk page
// in another (fake camera and microphone), signalling through the store
// server, WebRTC media between them. The kiosk shows the button only while a
// matching expert is free: the console's presence goes over MQTT (WebSocket)
// and the kiosk reads the store's availability summary on its own MQTT link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { waitForSync } from '../kiosk/kiosk-page';
import { chooseConsoleLang } from '../support/console-page';
import { startTestServer } from '../support/test-server';
import {
  expertSignsIn,
  expertVideoPlays,
  launchWithFakeMedia,
  openOnKiosk,
  productOf,
} from './call-helpers';

let server: StoreServer;
let expertBrowser: BrowserContext;
let kioskBrowser: BrowserContext;
let expert: Page;
let kiosk: Page;

beforeAll(async () => {
  server = await startTestServer();
  [expertBrowser, kioskBrowser] = await Promise.all([launchWithFakeMedia(), launchWithFakeMedia()]);
  await chooseConsoleLang(expertBrowser, 'fr');
  [expert, kiosk] = await Promise.all([expertBrowser.newPage(), kioskBrowser.newPage()]);
  await kiosk.goto(`${server.url}/kiosk/`);
  await waitForSync(kiosk, server);
});
afterAll(async () => {
  await Promise.all([expertBrowser?.close(), kioskBrowser?.close()]);
  await server?.close().catch(() => undefined);
});

describe('expert call from the kiosk', () => {
  it('hides the button while no matching expert is available', async () => {
    const gadget = productOf(server, 'electronics');
    await openOnKiosk(kiosk, gadget.gtin);
    await kiosk.getByTestId('help-fallback').waitFor();
    expect(await kiosk.getByTestId('talk-to-expert').count()).toBe(0);

    await expertSignsIn(expert, server, 'expert-julie-mercier'); // style only
    await expert.getByTestId('available').check();
    await expect
      .poll(() => expert.getByTestId('presence').getAttribute('data-presence'))
      .toBe('available');
    // The kiosk learns over its MQTT link that a stylist is free, but this is a
    // tech product: still no button.
    await expect
      .poll(() => kiosk.getByTestId('expert-line').getAttribute('data-free'), { timeout: 15_000 })
      .toBe('style');
    expect(await kiosk.getByTestId('talk-to-expert').count()).toBe(0);
    await kiosk.getByTestId('help-fallback').waitFor();
  });

  it('calls the stylist, plays her video on the kiosk, shows a pushed card, then rates', async () => {
    const gadget = productOf(server, 'electronics');
    const dress = productOf(server, 'fashion');
    await openOnKiosk(kiosk, dress.gtin);
    const button = kiosk.getByTestId('talk-to-expert');
    await button.waitFor({ timeout: 10_000 });
    expect(await button.getAttribute('data-skill')).toBe('style');
    await button.click();
    await kiosk.getByTestId('call-queue').waitFor();

    const ringing = expert.locator('[data-testid="ringing"] article');
    await ringing.waitFor();
    expect(await ringing.textContent()).toContain(dress.name);
    expect(await ringing.textContent()).toContain(gadget.name); // what the shopper looked at before
    await ringing.getByRole('button', { name: 'Prendre l’appel' }).click();

    await kiosk.getByTestId('call-view').waitFor();
    await expect.poll(() => expertVideoPlays(kiosk), { timeout: 15_000 }).toBe(true);
    expect(await kiosk.getByTestId('call-view').getAttribute('data-mode')).toBe('video');
    await expect
      .poll(() => expert.getByTestId('presence').getAttribute('data-presence'))
      .toBe('busy');

    // The shopper's camera is off until they turn it on; then the expert sees them.
    const shopperVideoWidth = () =>
      expert.evaluate(
        () =>
          document.querySelector<HTMLVideoElement>('[data-testid="shopper-media"]')?.videoWidth ??
          0,
      );
    expect(await shopperVideoWidth()).toBe(0);
    await kiosk.getByRole('button', { name: 'Activer ma caméra' }).click();
    await expect.poll(shopperVideoWidth, { timeout: 10_000 }).toBeGreaterThan(0);

    await expert.locator(`[data-testid="push-card"][data-product="${gadget.id}"]`).click();
    await kiosk.locator(`[data-testid="pushed-card"][data-product="${gadget.id}"]`).waitFor();
    // A tap on the card opens that product; the call goes on over the new page.
    await kiosk.locator(`[data-testid="pushed-card"][data-product="${gadget.id}"] button`).click();
    await expect.poll(() => kiosk.getByTestId('product').textContent()).toContain(gadget.name);
    await kiosk.getByTestId('call-view').waitFor();
    // Off to search, the call stays in sight in a dock that leads back to it.
    await kiosk.getByTestId('search-button').click();
    const dock = kiosk.getByTestId('call-dock');
    expect(await dock.textContent()).toContain('En ligne avec');
    // …and the expert's voice goes on playing there.
    await expect
      .poll(() =>
        kiosk
          .getByTestId('call-dock-audio')
          .evaluate(
            (audio: HTMLAudioElement) =>
              !audio.paused &&
              (audio.srcObject as MediaStream | null)?.getAudioTracks()[0]?.readyState === 'live',
          ),
      )
      .toBe(true);
    await dock.getByRole('button', { name: 'Revenir à l’appel' }).click();
    await kiosk.getByTestId('call-view').waitFor();
    await dock.waitFor({ state: 'detached' });

    await kiosk.getByRole('button', { name: 'Raccrocher' }).click();
    await kiosk.getByTestId('call-rating').waitFor();
    await kiosk.getByRole('button', { name: 'Très bien' }).click();
    await expect
      .poll(() =>
        server.db.prepare('SELECT rating FROM calls WHERE rating IS NOT NULL').pluck().get(),
      )
      .toBe('green');
    const row = server.db.prepare('SELECT * FROM calls').get() as Record<string, string | null>;
    expect(row).toMatchObject({
      skill: 'style',
      product_id: dress.id,
      expert_id: 'expert-julie-mercier',
      end_reason: 'shopper-ended',
    });
    expect(row.answered_at).toBeTruthy();
    await expect
      .poll(() => expert.getByTestId('presence').getAttribute('data-presence'))
      .toBe('available');
  }, 60_000);

  it('lets the expert decline: with nobody else to take it, the shopper is told and offered help', async () => {
    const dress = productOf(server, 'fashion');
    await openOnKiosk(kiosk, dress.gtin);
    await kiosk.getByTestId('talk-to-expert').click();
    const ringing = expert.locator('[data-testid="ringing"] article');
    await ringing.getByRole('button', { name: 'Refuser' }).click();
    await expect
      .poll(() => kiosk.getByTestId('expert-line').getByRole('status').textContent())
      .toBe('Aucun expert ne peut vous répondre pour le moment.');
    await kiosk.getByTestId('help-fallback').waitFor();
    expect(await kiosk.getByTestId('talk-to-expert').count()).toBe(0);
    await ringing.waitFor({ state: 'detached' });
    expect(await expert.getByTestId('presence').getAttribute('data-presence')).toBe('available');
    const declined = server.db
      .prepare(`SELECT end_reason FROM calls WHERE end_reason <> 'shopper-ended'`)
      .pluck()
      .all();
    expect(declined).toEqual(['no-expert']);
  });

  it('hides the button when the console goes away, and falls back to audio without a camera', async () => {
    // Closing the console's tab drops its WebSocket without DISCONNECT: the broker
    // publishes its Last Will, and the kiosk's button goes with it.
    await expert.close();
    await kiosk.getByTestId('talk-to-expert').waitFor({ state: 'detached', timeout: 20_000 });
    await kiosk.getByTestId('help-fallback').waitFor();
    expert = await expertBrowser.newPage();
    await expert.addInitScript(() => {
      const media = navigator.mediaDevices;
      const original = media.getUserMedia.bind(media);
      media.getUserMedia = (constraints) =>
        constraints?.video
          ? Promise.reject(new DOMException('no camera', 'NotFoundError'))
          : original(constraints);
    });
    // A new console starts away: the expert says when they take calls.
    await expertSignsIn(expert, server, 'expert-julie-mercier');
    await expect
      .poll(() => expert.getByTestId('presence').getAttribute('data-presence'))
      .toBe('away');
    await expert.getByTestId('available').check();
    await expect
      .poll(() => expert.getByTestId('presence').getAttribute('data-presence'))
      .toBe('available');
    await kiosk.getByTestId('talk-to-expert').click();
    await expert.getByRole('button', { name: 'Prendre l’appel' }).click();
    const view = kiosk.getByTestId('call-view');
    await view.waitFor();
    await expect
      .poll(() =>
        kiosk.evaluate(() => {
          const video = document.querySelector<HTMLVideoElement>('[data-testid="expert-video"]');
          const stream = video?.srcObject as MediaStream | null | undefined;
          return (
            stream?.getAudioTracks().filter((track) => track.readyState === 'live').length ?? 0
          );
        }),
      )
      .toBe(1);
    expect(await view.getAttribute('data-mode')).toBe('audio-only');
    expect(await view.textContent()).toContain('Appel audio');
    await kiosk.getByRole('button', { name: 'Raccrocher' }).click();
    await kiosk.getByTestId('call-rating').waitFor();
  }, 60_000);

  it('asks for a rating even when the call ends while the shopper is on another screen', async () => {
    await kiosk.getByRole('button', { name: 'Très bien' }).click(); // the last call's
    await kiosk.getByTestId('talk-to-expert').click();
    await expert.getByRole('button', { name: 'Prendre l’appel' }).click();
    await kiosk.getByTestId('call-view').waitFor();
    await kiosk.getByTestId('search-button').click();
    await kiosk.getByTestId('call-dock').waitFor();
    await expert
      .getByTestId('active-call')
      .getByRole('button', { name: /Raccrocher/ })
      .click();
    await kiosk.getByTestId('call-dock').getByTestId('call-rating').waitFor();
    await kiosk.getByRole('button', { name: 'Pas bien' }).click();
    await kiosk.getByTestId('call-dock').waitFor({ state: 'detached' });
    await expect
      .poll(() =>
        server.db
          .prepare('SELECT end_reason, rating FROM calls ORDER BY requested_at DESC LIMIT 1')
          .get(),
      )
      .toEqual({ end_reason: 'expert-ended', rating: 'red' });
    await expect
      .poll(() => expert.getByTestId('presence').getAttribute('data-presence'))
      .toBe('available');
  }, 60_000);
});
