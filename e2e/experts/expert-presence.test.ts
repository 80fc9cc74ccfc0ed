// Expert presence over the real embedded broker: the console's retained birth
// and Last Will feed the store's directory, the store publishes a retained
// count of free experts per skill, and a screen's own MQTT link reads it.
// Refusals: wrong or expired sessions, sign-out, another expert's topic.
import 'fake-indexeddb/auto'; // before Dexie loads: the screen runs in Node
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceHandle } from '@vitrine/shared/client';
import { storeBrokerUrl } from '@vitrine/shared/client';
import { apiRoutes, topics, type ExpertSkill } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { provisionDevice, startNodeDevice } from '../support/node-device';
import { startTestServer, waitFor } from '../support/test-server';
import { call, signIn } from '../staff/staff-helpers';
import { expertClient, expertConsole, presenceGrant, presenceOf } from './presence-helpers';

let server: StoreServer;
let kiosk: DeviceHandle;
const STORE = 'paris-rivoli';

beforeAll(async () => {
  server = await startTestServer();
  kiosk = await startNodeDevice(server.url, provisionDevice(server));
  await waitFor(() => kiosk.link?.expertAvailability, 'the retained availability summary');
});
afterAll(async () => {
  await kiosk?.stop();
  await server?.close();
});

const connectedClients = async () =>
  ((await call(server, apiRoutes.health.health)).body as { broker: { connectedClients: number } })
    .broker.connectedClients;
const free = (skill: ExpertSkill) => kiosk.link?.expertAvailability?.[skill]?.available ?? -1;

describe('expert presence over MQTT', () => {
  it('shows a free expert to screens from the birth, and hides them on the will', async () => {
    expect(free('wine')).toBe(0);
    const sommelier = await expertConsole(server, 'expert-claire-fontaine', {
      skills: ['wine'],
      available: false,
    });
    await waitFor(async () => (await presenceOf(server, sommelier.token)) === 'away', 'away');
    expect(free('wine')).toBe(0);
    sommelier.link.declare({ skills: ['wine', 'nutrition'], available: true });
    await waitFor(() => free('wine') === 1 && free('nutrition') === 1, 'the kiosk sees her free');
    expect(await presenceOf(server, sommelier.token)).toBe('available');

    sommelier.link.crash(); // a closed lid: no DISCONNECT, the broker sends the will
    await waitFor(() => free('wine') === 0, 'the will hides her from the kiosk');
    expect(await presenceOf(server, sommelier.token)).toBe('offline');
  });

  it('keeps a newer console present when an older one’s will arrives late', async () => {
    const expertId = 'expert-claire-fontaine';
    const baseline = await connectedClients();
    const older = await expertConsole(server, expertId, { skills: ['wine'], available: true });
    const newer = await expertConsole(server, expertId, { skills: ['wine'], available: true });
    expect(newer.grant.session).toBeGreaterThan(older.grant.session);
    await waitFor(() => free('wine') === 1, 'the newer console is free');
    // The older console may already have stepped aside on seeing the newer birth;
    // crash it anyway: whichever way it left, only the newer link stays.
    older.link.crash(); // its will (older session) overwrites the retained birth
    await waitFor(
      async () => (await connectedClients()) === baseline + 1,
      'the broker saw the older console go',
    );
    // The will went out when the broker dropped it; a later declaration comes after it.
    newer.link.declare({ skills: ['wine', 'tech'], available: true });
    await waitFor(() => free('tech') === 1, 'the later declaration arrived');
    expect(free('wine')).toBe(1);
    expect(await presenceOf(server, newer.token)).toBe('available');
    await newer.link.stop(); // a clean goodbye says offline itself
    await waitFor(() => free('wine') === 0 && free('tech') === 0, 'clean sign-off');
  });

  it('refuses a wrong or expired session, and drops the link at sign-out', async () => {
    const token = await signIn(server, 'expert-hugo-lambert');
    const grant = await presenceGrant(server, token);
    // A second sign-in of the same expert is another session, with its own login.
    const second = await expertConsole(
      server,
      'expert-hugo-lambert',
      { skills: ['tech'], available: true },
      { token: await signIn(server, 'expert-hugo-lambert') },
    );
    expect(second.link.state).toBe('online');
    await second.link.stop();
    // The first session's login with a password that is not its token: refused.
    const other = mqtt.connect(storeBrokerUrl(server.url), {
      clientId: grant.clientId,
      username: grant.username,
      password: 'x'.repeat(43),
      reconnectPeriod: 0,
    });
    const refusal = await new Promise<string>((resolve) => {
      other.once('connect', () => resolve('connected'));
      other.once('error', (error) => resolve(error.message));
    });
    other.end(true);
    expect(refusal).toMatch(/Not authorized|Bad username/);

    const live = await expertConsole(
      server,
      'expert-hugo-lambert',
      { skills: ['tech'], available: true },
      { token },
    );
    await waitFor(() => free('tech') === 1, 'Hugo is free');
    expect((await call(server, apiRoutes.auth.logout, { token })).status).toBe(204);
    await waitFor(() => free('tech') === 0, 'sign-out hides him');
    await waitFor(() => live.link.state === 'refused', 'his console cannot reconnect');
    await live.link.stop();

    // An expired session: refused at CONNECT, and swept off the broker.
    const late = await signIn(server, 'expert-hugo-lambert');
    const lateGrant = await presenceGrant(server, late);
    server.db.prepare(`UPDATE staff_sessions SET expires_at = '2000-01-01T00:00:00.000Z'`).run();
    await expect(expertClient(server, late).experts.me()).rejects.toMatchObject({ status: 401 });
    const expired = mqtt.connect(storeBrokerUrl(server.url), {
      clientId: lateGrant.clientId,
      username: lateGrant.username,
      password: late,
      reconnectPeriod: 0,
    });
    const answer = await new Promise<string>((resolve) => {
      expired.once('connect', () => resolve('connected'));
      expired.once('error', (error) => resolve(error.message));
    });
    expired.end(true);
    expect(answer).toMatch(/Not authorized|Bad username/);
  });

  it("cuts an expert who publishes on another expert's topic, and refuses their subscriptions", async () => {
    const julie = await expertConsole(server, 'expert-julie-mercier', {
      skills: ['style'],
      available: true,
    });
    await waitFor(() => free('style') === 1, 'Julie is free');
    const token = await signIn(server, 'expert-hugo-lambert');
    const grant = await presenceGrant(server, token);
    const rogue = mqtt.connect(storeBrokerUrl(server.url), {
      clientId: grant.clientId,
      username: grant.username,
      password: token,
      reconnectPeriod: 0,
    });
    await new Promise((resolve) => rogue.once('connect', resolve));
    // SUBACK 0x80 for anything but her own topic (mqtt.js rejects the promise on it).
    for (const filter of [
      topics.allExpertPresence(STORE),
      topics.expertAvailability(STORE),
      topics.sync(STORE),
    ]) {
      const answer = await rogue.subscribeAsync(filter, { qos: 1 }).then(
        (granted) => granted.map((grantOf) => grantOf.qos).join(),
        (error: Error) => error.message,
      );
      expect(answer, filter).toMatch(/Subscribe error|^128$/);
    }
    const closed = new Promise<void>((resolve) => rogue.once('close', () => resolve()));
    rogue.publish(
      topics.expertPresence(STORE, 'expert-julie-mercier'),
      JSON.stringify({ v: 1, type: 'offline', session: julie.grant.session }),
      { qos: 1, retain: true },
    );
    await closed;
    rogue.end(true);
    // Julie is untouched: prove it after a later declaration of hers went through.
    julie.link.declare({ skills: ['style', 'tech'], available: true });
    await waitFor(() => free('tech') === 1, 'her later declaration');
    expect(free('style')).toBe(1);
    await julie.link.stop();
  });
});
