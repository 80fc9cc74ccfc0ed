// TLS in the store, with real TLS and no mocks: a device pins the store's own
// CA at first contact, enrols over HTTPS, syncs over WSS and talks MQTT over
// TLS; plain ports are closed when turned off; a man in the middle with his
// own certificate is refused; certificate renewal and CA rotation keep
// enrolled devices working.
import mqtt from 'mqtt';
import { X509Certificate } from 'node:crypto';
import { connect as connectTcp } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceHandle } from '@vitrine/shared/client';
import { apiClient, apiRoutes, routeUrl, topics } from '@vitrine/shared/core';
import { readServerChain, fetchPinsFromStore } from '@vitrine/shared/desktop/store-contact';
import { caToPin, verifyStoreCertificate } from '@vitrine/shared/desktop/store-pin';
import type { StoreServer } from '@vitrine/store-server/server';
import { startNodeDevice } from '../support/node-device';
import { freePort } from '../support/server-process';
import { DevicePins, enrolOverTls, firstContact } from '../support/tls-client';
import { startMitm } from '../support/mitm';
import { startTestServer, waitFor } from '../support/test-server';

const DAY_MS = 86_400_000;

function refused(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connectTcp(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** Head office's typed client, over a connection that trusts the pins only. */
const adminClient = (server: StoreServer, pins: DevicePins) =>
  apiClient(apiRoutes, {
    baseUrl: server.httpsUrl!,
    authorization: () => `Bearer ${server.adminToken}`,
    fetch: pins.fetch,
  });

async function approve(server: StoreServer, pins: DevicePins, pairingCode: string): Promise<void> {
  await adminClient(server, pins).devices.approve({ body: { pairingCode } });
}

async function synced(device: DeviceHandle, server: StoreServer): Promise<void> {
  await waitFor(() => device.link?.state === 'online', 'device online over WSS', 20_000);
  await waitFor(
    () => device.replicator.current.checkpoint === server.docs.head(),
    'device caught up over HTTPS',
    30_000,
  );
}

describe('TLS in the store (plain ports off)', () => {
  let server: StoreServer;
  let plainHttp: number;
  let plainMqtt: number;

  beforeAll(async () => {
    plainHttp = await freePort();
    plainMqtt = await freePort();
    server = await startTestServer({
      httpPort: plainHttp,
      mqttPort: plainMqtt,
      httpsPort: 0,
      mqttsPort: 0,
      plainPorts: false,
    });
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('creates the store CA on first start, keys readable by the server only', async () => {
    const { statSync } = await import('node:fs');
    const dir = `${server.config.dataDir}/tls`;
    expect(statSync(`${dir}/ca.key`).mode & 0o777).toBe(0o600);
    expect(statSync(`${dir}/server.key`).mode & 0o777).toBe(0o600);
    const served = new X509Certificate(server.tls!.serverCertificatePem());
    expect(served.checkIssued(new X509Certificate(server.tls!.caCertificatePem()))).toBe(true);
    for (const host of ['localhost', '127.0.0.1']) expect(served.subjectAltName).toContain(host);
  });

  it('plain HTTP and MQTT ports are closed, and the store runs on TLS alone', async () => {
    expect(await refused(plainHttp)).toBe('ECONNREFUSED');
    expect(await refused(plainMqtt)).toBe('ECONNREFUSED');
    expect(server.url).toBe(server.httpsUrl);
    const pins = new DevicePins([server.tls!.caCertificatePem()]);
    // The server's own broker link goes over MQTTS too: health says it is linked.
    const client = adminClient(server, pins);
    expect(await client.health.health()).toMatchObject({ status: 'ok', broker: { ok: true } });
    // IT's view of the certificates, in the table's shape.
    expect(await client.tls.status()).toMatchObject({
      caFingerprint: server.tls!.trustBundle().fingerprint,
      rotation: 'steady',
    });
    // The CA a staff tablet installs is the one devices pin.
    const ca = await pins.fetch(routeUrl(server.httpsUrl!, apiRoutes.tls.caCertificate, {}));
    expect(await ca.text()).toBe(server.tls!.caCertificatePem());
    await pins.close();
  });

  it('a device pins the store CA at first contact, enrols over HTTPS and syncs over WSS', async () => {
    const expected = server.tls!.trustBundle().fingerprint;
    const pins = await firstContact(server.httpsUrl!, expected);
    const enrolment = await enrolOverTls(server.httpsUrl!, pins, 'signage');
    expect(enrolment.fingerprint).toBe(expected);
    await approve(server, pins, enrolment.pairingCode);
    const device = await startNodeDevice(server.httpsUrl!, enrolment, {
      app: 'signage',
      transport: pins.transport(),
    });
    await synced(device, server);
    const event = await device.outbox.record({
      kind: 'proof-of-play',
      payload: { campaignId: 'c1', itemId: 'i1', playId: 'p1', phase: 'start' },
    });
    await waitFor(
      () => server.db.prepare('SELECT 1 FROM events WHERE id = ?').get(event.id),
      'event stored through MQTT over WSS',
    );
    await device.stop();
    await pins.close();
  }, 60_000);

  it('MQTT over TLS (mqtts) works with the pinned CA, and not with the system roots', async () => {
    const pins = await firstContact(server.httpsUrl!, server.tls!.trustBundle().fingerprint);
    const enrolment = await enrolOverTls(server.httpsUrl!, pins);
    await approve(server, pins, enrolment.pairingCode);
    const options = {
      clientId: enrolment.deviceId,
      username: enrolment.deviceId,
      password: enrolment.secret,
      reconnectPeriod: 0,
      connectTimeout: 5_000,
    };
    const url = `mqtts://127.0.0.1:${server.mqttsPort}`;
    const client = await mqtt.connectAsync(url, { ...options, ...pins.mqttTls });
    const granted = await client.subscribeAsync(topics.sync(server.config.storeId), { qos: 1 });
    expect(granted[0]?.qos).toBe(1);
    await client.endAsync();
    await expect(mqtt.connectAsync(url, options)).rejects.toThrow(/certificate/);
    await pins.close();
  }, 30_000);

  it('the device refuses a man in the middle with his own certificate, before sending anything', async () => {
    const pins = new DevicePins([server.tls!.caCertificatePem()]);
    const mitm = await startMitm();
    await expect(
      pins.fetch(routeUrl(mitm.httpsUrl, apiRoutes.devices.me, {}), {
        headers: { authorization: 'Bearer kiosk-1.secret-that-must-not-leak' },
      }),
    ).rejects.toThrow();
    await expect(
      mqtt.connectAsync(`mqtts://127.0.0.1:${mitm.mqttsPort}`, {
        clientId: 'kiosk-1',
        username: 'kiosk-1',
        password: 'secret-that-must-not-leak',
        reconnectPeriod: 0,
        ...pins.mqttTls,
      }),
    ).rejects.toThrow(/certificate/);
    expect(mitm.seen).toEqual([]);
    // The shell's decision over the chain each presents (Electron's verify proc).
    const mitmChain = await mitm.chain();
    const forged = verifyStoreCertificate(
      { hostname: '127.0.0.1', chain: mitmChain },
      pins.current,
    );
    expect(forged.ok ? 'accepted' : forged.error).toMatch(/not issued by this store/);
    const realChain = await readServerChain(server.httpsUrl!);
    expect(
      verifyStoreCertificate({ hostname: '127.0.0.1', chain: realChain }, pins.current),
    ).toEqual({
      ok: true,
      value: null,
    });
    // First contact with the store's fingerprint configured: the MITM's CA is not pinned.
    const expected = server.tls!.trustBundle().fingerprint;
    expect(caToPin({ hostname: '127.0.0.1', chain: mitmChain }, expected).ok).toBe(false);
    await mitm.close();
    await pins.close();
  }, 30_000);

  it('renews the server certificate before it ends, same CA: enrolled devices keep working', async () => {
    const pins = await firstContact(server.httpsUrl!, server.tls!.trustBundle().fingerprint);
    const enrolment = await enrolOverTls(server.httpsUrl!, pins);
    await approve(server, pins, enrolment.pairingCode);
    const before = new X509Certificate(server.tls!.serverCertificatePem());
    // Not due yet today; due when fewer than 30 days remain.
    expect(await server.tls!.renewIfDue()).toBe(false);
    const nearTheEnd = new Date(new Date(before.validTo).getTime() - 20 * DAY_MS);
    expect(await server.tls!.renewIfDue(nearTheEnd)).toBe(true);
    const chain = await readServerChain(server.httpsUrl!);
    const served = new X509Certificate(chain[0]!);
    expect(served.serialNumber).not.toBe(before.serialNumber);
    expect(served.checkIssued(new X509Certificate(pins.current[0]!))).toBe(true);
    const device = await startNodeDevice(server.httpsUrl!, enrolment, {
      transport: pins.transport(),
    });
    await synced(device, server);
    await device.stop();
    await pins.close();
  }, 60_000);

  it('rotates the CA: published over the trusted channel, both trusted in the overlap, then the old one dropped', async () => {
    const oldCa = server.tls!.caCertificatePem();
    const pins = await firstContact(server.httpsUrl!, server.tls!.trustBundle().fingerprint);
    const enrolment = await enrolOverTls(server.httpsUrl!, pins);
    await approve(server, pins, enrolment.pairingCode);
    const stale = new DevicePins([oldCa]); // a device that never comes back during the overlap
    const rotate = async (step: string) => {
      const response = await pins.fetch(routeUrl(server.httpsUrl!, apiRoutes.tls.rotate, {}), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${server.adminToken}`,
        },
        body: JSON.stringify({ step }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect((await rotate('switch')).status).toBe(409);
    const begun = await rotate('begin');
    expect(begun).toMatchObject({ status: 200, body: { rotation: 'next-published' } });

    // The device learns the next CA from /devices/me at start, over the pinned channel.
    let device = await startNodeDevice(server.httpsUrl!, enrolment, {
      transport: pins.transport(),
    });
    await synced(device, server);
    expect(pins.current).toHaveLength(2);
    await device.stop();

    expect((await rotate('switch')).body).toMatchObject({ rotation: 'switched' });
    const served = new X509Certificate((await readServerChain(server.httpsUrl!))[0]!);
    expect(served.checkIssued(new X509Certificate(oldCa))).toBe(false);
    device = await startNodeDevice(server.httpsUrl!, enrolment, { transport: pins.transport() });
    await synced(device, server);
    await device.stop();
    // Only the old CA: refused from now on (it must be paired again).
    await expect(
      stale.fetch(routeUrl(server.httpsUrl!, apiRoutes.tls.trust, {})),
    ).rejects.toThrow();

    expect((await rotate('finish')).body).toMatchObject({ rotation: 'steady' });
    // The shell's periodic refresh: the old CA leaves the pins.
    const refreshed = await fetchPinsFromStore(server.httpsUrl!, pins.current);
    expect(refreshed.ok && refreshed.value.length).toBe(1);
    if (refreshed.ok) pins.replace(refreshed.value);
    expect(pins.current).not.toContain(oldCa);
    device = await startNodeDevice(server.httpsUrl!, enrolment, { transport: pins.transport() });
    await synced(device, server);
    await device.stop();
    await pins.close();
    await stale.close();
  }, 90_000);
});
