// Expert calls through a real TURN server: the store server mints a credential
// per caller from coturn's shared secret, and Chromium relays a WebRTC
// connection through coturn with it — while a forged or expired one is refused.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreServer } from '@vitrine/store-server/server';
import { apiRoutes, IceServersAnswer, routeUrl, type IceServer } from '@vitrine/shared/core';
import { launchChromium } from '../support/chromium';
import { startCoturn, type Coturn } from '../support/coturn';
import { signIn } from '../staff/staff-helpers';
import { startTestServer } from '../support/test-server';

const SECRET = 'turn-secret-shared-with-coturn';
let coturn: Coturn;
let server: StoreServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  coturn = await startCoturn(SECRET);
  server = await startTestServer({
    turnUrls: [coturn.url],
    turnSecret: SECRET,
    turnTtlMinutes: 60,
  });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent('<p>turn</p>');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await coturn?.stop();
});

/** By hand, not the typed client: the test reads the answer's headers and a forged credential's refusal. */
async function iceServersAs(authorization: string): Promise<Response> {
  return fetch(routeUrl(server.url, apiRoutes.calls.iceServers, {}), {
    headers: { authorization },
  });
}

function kioskAuth(): string {
  const kiosk = server.demoDevices?.get('kiosk');
  if (!kiosk) throw new Error('no demo kiosk');
  return `Bearer ${kiosk.deviceId}.${kiosk.secret}`;
}

/** Two peers in the page, relay candidates only: a message crosses only if coturn relays it. */
function relayedMessage(iceServers: IceServer[]) {
  return page.evaluate(async (servers) => {
    const config: RTCConfiguration = { iceServers: servers, iceTransportPolicy: 'relay' };
    const a = new RTCPeerConnection(config);
    const b = new RTCPeerConnection(config);
    const candidateTypes: string[] = [];
    a.onicecandidate = (event) => {
      if (!event.candidate) return;
      candidateTypes.push(event.candidate.type ?? '?');
      void b.addIceCandidate(event.candidate);
    };
    b.onicecandidate = (event) => {
      if (event.candidate) void a.addIceCandidate(event.candidate);
    };
    const received = new Promise<string>((resolve) => {
      b.ondatachannel = (event) => {
        event.channel.onmessage = (message) => resolve(String(message.data));
      };
    });
    const channel = a.createDataChannel('turn-check');
    const opened = new Promise<void>((resolve) => (channel.onopen = () => resolve()));
    const gathered = new Promise<void>((resolve) => {
      a.onicegatheringstatechange = () => {
        if (a.iceGatheringState === 'complete') resolve();
      };
    });
    await a.setLocalDescription(await a.createOffer());
    await b.setRemoteDescription(a.localDescription!);
    await b.setLocalDescription(await b.createAnswer());
    await a.setRemoteDescription(b.localDescription!);
    const outcome = await Promise.race([
      opened.then(() => 'open' as const),
      gathered
        .then(() => new Promise((resolve) => setTimeout(resolve, 3_000)))
        .then(() => 'gathered without connecting' as const),
    ]);
    let message: string | undefined;
    if (outcome === 'open') {
      channel.send('bonjour via TURN');
      message = await received;
    }
    a.close();
    b.close();
    return { outcome, message, candidateTypes };
  }, iceServers);
}

describe('TURN credentials minted per call', () => {
  it('hands each caller a fresh, time-limited credential named after it', async () => {
    const response = await iceServersAs(kioskAuth());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { iceServers } = IceServersAnswer.parse(await response.json());
    expect(iceServers).toHaveLength(1);
    const [expiry, who] = (iceServers[0]?.username ?? '').split(':');
    const lifeSeconds = Number(expiry) - Date.now() / 1000;
    expect(lifeSeconds).toBeGreaterThan(59 * 60);
    expect(lifeSeconds).toBeLessThanOrEqual(60 * 60);
    expect(who).toBe(`device-${server.demoDevices?.get('kiosk')?.deviceId}`);
    expect((await iceServersAs('Bearer nobody.nothing')).status).toBe(401);
  });

  it('hands one to a signed-in expert too, named after them, and none to other staff', async () => {
    const expert = await signIn(server, 'expert-hugo-lambert');
    const { iceServers } = IceServersAnswer.parse(
      await (await iceServersAs(`Bearer ${expert}`)).json(),
    );
    expect(iceServers[0]?.username?.split(':')[1]).toBe('expert-expert-hugo-lambert');
    const staff = await signIn(server, 'staff');
    expect((await iceServersAs(`Bearer ${staff}`)).status).toBe(403);
  });

  it('relays a WebRTC connection through coturn with that credential', async () => {
    const { iceServers } = IceServersAnswer.parse(await (await iceServersAs(kioskAuth())).json());
    const result = await relayedMessage(iceServers);
    expect(result.candidateTypes).toContain('relay');
    expect(result.candidateTypes.every((type) => type === 'relay')).toBe(true);
    expect(result).toMatchObject({ outcome: 'open', message: 'bonjour via TURN' });
  });

  it('is refused by coturn when forged or expired', async () => {
    const { iceServers } = IceServersAnswer.parse(await (await iceServersAs(kioskAuth())).json());
    const minted = iceServers[0]!;
    const forged = { ...minted, credential: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' };
    const expired = { ...minted, username: `1000000000:${minted.username?.split(':')[1]}` };
    for (const bad of [forged, expired]) {
      const result = await relayedMessage([bad]);
      expect(result.candidateTypes).not.toContain('relay');
      expect(result.outcome).toBe('gathered without connecting');
    }
  });
});
