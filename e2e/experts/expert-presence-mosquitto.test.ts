// Expert presence through a real external Mosquitto: the store server writes a
// password_file entry for each signed-in expert session (and an ACL holding it
// to its own presence topic), removes it at sign-out, and screens read the
// availability summary through Mosquitto's ACL like everything else.
import 'fake-indexeddb/auto'; // before Dexie loads: the screen runs in Node
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceHandle, ExpertDeclaration } from '@vitrine/shared/client';
import { apiRoutes, topics, type ExpertSkill } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { startStoreOnMosquitto, type StoreOnMosquitto } from '../support/mosquitto';
import { provisionDevice, startNodeDevice } from '../support/node-device';
import { waitFor } from '../support/test-server';
import { call, signIn } from '../staff/staff-helpers';
import { expertConsole, presenceGrant, type ExpertConsole } from './presence-helpers';

let store: StoreOnMosquitto;
let server: StoreServer;
let kiosk: DeviceHandle;
let brokerUrl: string;
const STORE = 'paris-rivoli';

beforeAll(async () => {
  store = await startStoreOnMosquitto();
  ({ server, brokerUrl } = store);
  const credential = provisionDevice(server);
  // Mosquitto rereads its files on SIGHUP, asynchronously: start once it knows the kiosk.
  kiosk = await waitFor(async () => {
    const device = await startNodeDevice(server.url, credential);
    const state = await waitFor(
      () =>
        (device.link?.state === 'online' || device.link?.state === 'refused') && device.link.state,
      'the kiosk connects',
    );
    if (state === 'online') return device;
    await device.stop();
    return undefined;
  }, 'the kiosk known to Mosquitto');
  await waitFor(() => kiosk.link?.expertAvailability, 'the summary through Mosquitto');
}, 60_000);
afterAll(async () => {
  await kiosk?.stop();
  await store?.close();
});

const free = (skill: ExpertSkill) => kiosk.link?.expertAvailability?.[skill]?.available ?? -1;

/** Connects a console once Mosquitto has reloaded with its session's password. */
async function onlineConsole(
  expertId: string,
  declaration: ExpertDeclaration,
  token?: string,
): Promise<ExpertConsole> {
  const signedIn = token ?? (await signIn(server, expertId));
  return waitFor(async () => {
    const desk = await expertConsole(server, expertId, declaration, { token: signedIn });
    if (desk.link.state === 'online') return desk;
    await desk.link.stop();
    return undefined;
  }, `${expertId} accepted by Mosquitto`);
}

describe('expert presence through Mosquitto', () => {
  it('shows a free expert from the birth and hides them on the will', async () => {
    const sommelier = await onlineConsole('expert-claire-fontaine', {
      skills: ['wine'],
      available: true,
    });
    expect(sommelier.grant.url).toBe(brokerUrl);
    await waitFor(() => free('wine') === 1, 'the kiosk sees her free');
    sommelier.link.crash();
    await waitFor(() => free('wine') === 0, 'her will hides her');
  });

  it('holds an expert to their own topic, refuses others, and ends the session at sign-out', async () => {
    const token = await signIn(server, 'expert-hugo-lambert');
    const hugo = await onlineConsole(
      'expert-hugo-lambert',
      { skills: ['tech'], available: false },
      token,
    );
    const grant = await presenceGrant(server, token);
    const rogue = mqtt.connect(brokerUrl, {
      clientId: grant.clientId,
      username: grant.username,
      password: token,
      reconnectPeriod: 0,
    });
    await waitFor(() => rogue.connected, 'rogue connected');
    // Mosquitto drops an out-of-ACL publish silently (MQTT 3.1.1 cannot say so).
    await rogue.publishAsync(
      topics.expertPresence(STORE, 'expert-julie-mercier'),
      JSON.stringify({
        v: 1,
        type: 'online',
        session: 1,
        skills: ['style'],
        available: true,
        at: new Date().toISOString(),
      }),
      { qos: 1, retain: true },
    );
    rogue.end(true);
    hugo.link.declare({ skills: ['tech'], available: true });
    await waitFor(() => free('tech') === 1, "Hugo's own declaration");
    expect(free('style')).toBe(0);

    const bad = mqtt.connect(brokerUrl, {
      clientId: grant.clientId,
      username: grant.username,
      password: 'x'.repeat(43),
      reconnectPeriod: 0,
    });
    const refusal = await new Promise<string>((resolve) => {
      bad.once('connect', () => resolve('connected'));
      bad.once('error', (error) => resolve(error.message));
    });
    bad.end(true);
    expect(refusal).toMatch(/Not authorized|Bad username/);

    expect((await call(server, apiRoutes.auth.logout, { token })).status).toBe(204);
    await waitFor(() => free('tech') === 0, 'sign-out hides him');
    await waitFor(() => hugo.link.state === 'refused', 'Mosquitto refuses his session now', 15_000);
    await hugo.link.stop();
  });
});
