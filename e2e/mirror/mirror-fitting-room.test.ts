// The mirror in a real Chromium against a real store server: a wedge scan puts
// a garment in the room; asking for another size reaches the staff queue and
// staff's answers show live; size advice from the brand's chart (or says there
// is none); the idle reset wipes the session.
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { apiClient, apiRoutes, topics, type RequestStatus } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { startTestServer, waitFor } from '../support/test-server';
import { fillShopperContact, seriousViolations, waitForSync, wedgeScan } from '../kiosk/kiosk-page';
import { chooseVariant, demoGarment, eventually, type Garment } from './mirror-page';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;
let garment: Garment;
let noChart: Garment;

const scanCode = (gtin: string) => gtin.replace(/^0/, '');

beforeAll(async () => {
  server = await startTestServer();
  garment = demoGarment(server, true);
  noChart = demoGarment(server, false);
  browser = await launchChromium();
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${server.url}/mirror/?room=Cabine%203`);
  await waitForSync(page, server);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Staff's side of the queue, with the store's admin token. */
const staffApi = () =>
  apiClient(apiRoutes, {
    baseUrl: server.url,
    authorization: () => `Bearer ${server.adminToken}`,
  }).requests;

const staffQueue = async () => (await staffApi().queue()).requests;

async function moveRequest(id: string, status: RequestStatus) {
  await expect(staffApi().move({ params: { id }, body: { status } })).resolves.toMatchObject({
    status,
  });
}

describe('mirror fitting room', () => {
  it('puts a scanned garment in the room, with its size and colour', async () => {
    await wedgeScan(page, scanCode(garment.variantGtin), 'azerty');
    await eventually(() => page.getByTestId('garment').count()).toBe(1);
    await eventually(() =>
      page.getByTestId('garment-detail').locator('h2').first().textContent(),
    ).toBe(garment.nameFr);
    expect(await page.getByTestId('in-room-variant').textContent()).toMatch(
      /Votre article\u202f: .+/,
    );
    // An unknown tag is explained, and the room is unchanged.
    await wedgeScan(page, '3000000000007', 'qwerty');
    await eventually(() => page.getByTestId('scan-notice').getAttribute('data-problem')).toMatch(
      /unknown-product|in-store-code|unrecognised/,
    );
    expect(await page.getByTestId('garment').count()).toBe(1);
  });

  it('asks staff for another size and shows their answers live', async () => {
    await chooseVariant(page, garment.otherSize, garment.otherColour);
    await page.getByTestId('ask-size').click();
    const line = page.getByTestId('request-status').first();
    await eventually(() => line.getAttribute('data-status'), { timeout: 15_000 }).toBe('new');

    const request = (await staffQueue()).find(
      (r) => r.type === 'size' && r.productId === garment.id,
    );
    expect(request).toMatchObject({ place: 'Cabine 3', status: 'new', deviceRole: 'mirror' });
    // Staff get the variant the shopper chose, by its id (and read its size and colour).
    expect(request).toMatchObject({
      variantId: garment.otherId,
      variantSize: garment.otherSize,
      variantColour: garment.otherColour,
    });

    await moveRequest(request!.id, 'acknowledged');
    await eventually(() => line.getAttribute('data-status')).toBe('acknowledged');
    await moveRequest(request!.id, 'on-the-way');
    await eventually(() => line.getAttribute('data-status')).toBe('on-the-way');
    expect(await line.textContent()).toContain('Un vendeur vous l’apporte.');
    // Exactly once: one request for this event in the queue.
    expect((await staffQueue()).filter((r) => r.id === request!.id)).toHaveLength(1);
  });

  it('sends endless-aisle orders and reservations in another store to staff', async () => {
    await page.getByRole('button', { name: 'Commander (livraison)' }).click();
    const contact = { name: 'Camille Martin', phone: '06 12 34 56 78' };
    await fillShopperContact(page.getByRole('dialog'), contact, 'fr');
    await eventually(async () =>
      (await staffQueue()).some((r) => r.type === 'delivery' && r.productId === garment.id),
    ).toBe(true);
    await page.getByRole('button', { name: 'Réserver (retrait en magasin)' }).click();
    await fillShopperContact(page.getByRole('dialog'), contact, 'fr');
    const reservation = await waitFor(
      async () =>
        (await staffQueue()).find((r) => r.type === 'reservation' && r.productId === garment.id),
      'the reservation in the staff queue',
    );
    expect(reservation.place).toBe('Cabine 3');
    expect(reservation.contact?.name).toBe('Camille Martin');
    expect(reservation.locationId).not.toBe(server.config.storeId);
  });

  it('advises a size from the brand chart, and says when a brand has none', async () => {
    const advice = page.getByTestId('advice');
    expect(await advice.getAttribute('data-advice')).toBe('need-measurements');
    await page.getByTestId('measure-chest').fill('95');
    await page.getByTestId('measure-waist').fill('79');
    await page.getByRole('button', { name: 'Conseillez-moi' }).click();
    await eventually(() => advice.getAttribute('data-advice')).toBe('size');
    expect(await advice.locator('.advised').getAttribute('data-size')).toMatch(
      /^(M|L|S|40|42|44|38)$/,
    );
    // Implausible input is refused with a reason, and the advice does not change.
    await page.getByTestId('measure-chest').fill('12');
    await page.getByRole('button', { name: 'Conseillez-moi' }).click();
    expect(await page.getByTestId('size-advice').getByRole('alert').textContent()).toMatch(
      /Tour de poitrine/,
    );

    await wedgeScan(page, scanCode(noChart.variantGtin), 'qwerty');
    await eventually(() => page.getByTestId('garment').count()).toBe(2);
    await eventually(() =>
      page.getByTestId('size-advice').locator('p[data-advice="no-chart"]').textContent(),
    ).toContain(noChart.brand);
  });

  it('receives measurements from a measuring device over MQTT, relayed live', async () => {
    await page.getByTestId('garment').first().getByRole('button').first().click();
    const secret = server.db
      .prepare(`SELECT value FROM meta WHERE key = 'server_mqtt_secret'`)
      .pluck()
      .get() as string;
    const station = await mqtt.connectAsync(`mqtt://127.0.0.1:${server.mqttPort}`, {
      username: 'store-server',
      password: secret,
      clientId: 'measuring-station-test',
    });
    const mirrorId = server.demoDevices?.get('mirror')?.deviceId ?? '';
    const topic = topics.measurements(server.config.storeId, mirrorId);
    // Malformed and implausible messages are dropped; the advice does not move.
    await station.publishAsync(topic, 'not json', { qos: 1 });
    await station.publishAsync(
      topic,
      JSON.stringify({
        v: 1,
        type: 'measurements',
        source: 'Scanner',
        at: new Date().toISOString(),
        measurements: { chest: 5 },
      }),
      { qos: 1 },
    );
    const message = {
      v: 1,
      type: 'measurements',
      source: 'Cabine 3 body scanner',
      at: new Date().toISOString(),
      measurements: { chest: 88, waist: 70, hips: 95 },
    };
    await station.publishAsync(topic, JSON.stringify(message), { qos: 1 });
    await station.endAsync();
    const panel = page.getByTestId('size-advice');
    await eventually(() => panel.textContent(), { timeout: 10_000 }).toContain(
      'Cabine 3 body scanner',
    );
    expect(await page.getByTestId('measure-chest').inputValue()).toBe('88');
    expect(await page.getByTestId('advice').getAttribute('data-advice')).toBe('size');
  });

  it('suggests pieces in stock to complete the look', async () => {
    const section = page.getByTestId('complete-look');
    await section.waitFor();
    const count = await section.getByTestId('look-suggestion').count();
    if (count > 0) {
      await section.getByTestId('look-suggestion').first().click();
      await eventually(() => page.getByTestId('garment-detail').count()).toBe(1);
    } else {
      expect(await section.textContent()).toContain('Pas de suggestion en stock');
    }
  });

  it('switches language and lighting, and the idle reset wipes the session', async () => {
    await page.getByTestId('lang-button').click();
    await page.getByRole('button', { name: 'Evening' }).click();
    expect(await page.getByTestId('mirror').getAttribute('data-theme')).toBe('evening');
    expect(await page.getByTestId('mirror').getAttribute('lang')).toBe('en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Warm' }).click();
    await page.getByTestId('lang-button').click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${server.url}/mirror/?idleMs=3000&countdownMs=2000`);
    await waitForSync(page, server);
    // After a navigation, key events go nowhere until the page has focus.
    await page.locator('h1.brand').click();
    await wedgeScan(page, scanCode(garment.variantGtin), 'qwerty');
    await eventually(() => page.getByTestId('garment').count(), { timeout: 5_000 }).toBe(1);
    await page.getByTestId('idle-countdown').waitFor({ timeout: 10_000 });
    await eventually(() => page.getByTestId('garment').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.getByTestId('garment-detail').count()).toBe(0);
    expect(await page.getByTestId('sync-status').getAttribute('data-checkpoint')).toBe(
      String(server.docs.head()),
    );
  });
});
