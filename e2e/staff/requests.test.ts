// A size request from a real device (Dexie outbox over MQTT) becomes a staff
// request exactly once; staff move it along; the device sees each status once.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceHandle } from '@vitrine/shared/client';
import { apiRoutes, type DeviceRequestStatus } from '@vitrine/shared/core';
import { watchRequestStatus } from '@vitrine/shared/ui';
import type { StoreServer } from '@vitrine/store-server/server';
import { provisionDevice, startNodeDevice } from '../support/node-device';
import type { RouteProbe } from '../support/route-fetch';
import { startTestServer, waitFor } from '../support/test-server';
import { call, kioskBearer, productCodes, signIn } from './staff-helpers';

let server: StoreServer;
let mirror: DeviceHandle;
let staff: string;
let credential: { deviceId: string; secret: string };

beforeAll(async () => {
  server = await startTestServer();
  credential = provisionDevice(server, 'mirror');
  mirror = await startNodeDevice(server.url, credential, { app: 'mirror' });
  staff = await signIn(server, 'staff');
});
afterAll(async () => {
  await mirror?.stop();
  await server?.close();
});

type Listed = { id: string; status: string; version: number; deviceId: string; place: string };

describe('staff request queue', () => {
  it('turns a device request into one staff request and streams its status back once', async () => {
    const seen: DeviceRequestStatus[] = [];
    const stop = watchRequestStatus(mirror, (request) => seen.push(request), {
      baseUrl: server.url,
      credentialStore: { load: () => Promise.resolve(credential), save: () => Promise.resolve() },
    });
    const code = productCodes(server, 'fashion', 1)[0]!;
    const product = server.catalogue.productByCode(code)!;
    await mirror.outbox.record({
      kind: 'request',
      payload: { type: 'size', productId: product.id, place: 'Cabine 3', note: 'M → L' },
    });
    const listed = await waitFor(async () => {
      const answer = await call(server, apiRoutes.requests.queue, { token: staff });
      return (answer.body.requests as Listed[]).find((r) => r.deviceId === credential.deviceId);
    }, 'the request in the staff queue');
    expect(listed).toMatchObject({ status: 'new', version: 1, place: 'Cabine 3' });
    await waitFor(
      () => seen.some((r) => r.id === listed.id && r.status === 'new'),
      'the device snapshot',
    );

    // The outbox resending the same event (lost ack) creates nothing new.
    server.ingestor.accept(
      credential.deviceId,
      Buffer.from(JSON.stringify({ v: 1, type: 'events', events: [eventOf(listed.id)] })),
    );
    server.ingestor.flush();
    expect(server.db.prepare('SELECT COUNT(*) FROM requests').pluck().get()).toBe(1);

    for (const status of ['acknowledged', 'on-the-way', 'closed']) {
      const moved = await call(server, apiRoutes.requests.move, {
        params: { id: listed.id },
        token: staff,
        body: { status },
      });
      expect(moved.status).toBe(200);
    }
    await waitFor(() => seen.some((r) => r.status === 'closed'), 'the closed status on the device');
    expect(seen.filter((r) => r.id === listed.id).map((r) => r.status)).toEqual([
      'new',
      'acknowledged',
      'on-the-way',
      'closed',
    ]);
    stop();
  });

  it('refuses a wrong transition, a stale version, a kiosk and no session', async () => {
    await mirror.outbox.record({ kind: 'request', payload: { type: 'help', place: 'Cabine 1' } });
    const request = await waitFor(async () => {
      const answer = await call(server, apiRoutes.requests.queue, { token: staff });
      return (answer.body.requests as Listed[]).find((r) => r.status === 'new');
    }, 'the help request');
    const move = (probe: RouteProbe) =>
      call(server, apiRoutes.requests.move, { params: { id: request.id }, ...probe });
    expect((await move({ token: staff, body: { status: 'on-the-way' } })).body.error?.code).toBe(
      'invalid_transition',
    );
    expect((await move({ body: { status: 'acknowledged' } })).status).toBe(401);
    expect(
      (await move({ token: kioskBearer(server), body: { status: 'acknowledged' } })).status,
    ).toBe(401);
    const expert = await signIn(server, 'expert-hugo-lambert');
    expect((await move({ token: expert, body: { status: 'acknowledged' } })).status).toBe(403);
    const ok = await move({
      token: staff,
      body: { status: 'acknowledged', expectedVersion: 1 },
    });
    expect(ok.status).toBe(200);
    const stale = await move({
      token: staff,
      body: { status: 'closed', expectedVersion: 1 },
    });
    expect(stale.body.error?.code).toBe('stale_request');
    expect(
      (await call(server, apiRoutes.requests.mine, { token: kioskBearer(server) })).body.requests,
    ).toEqual([]);
  });
});

function eventOf(id: string): Record<string, unknown> {
  const row = server.db.prepare('SELECT * FROM events WHERE id = ?').get(id) as {
    seq: number;
    at: string;
    payload: string;
  };
  return {
    id,
    seq: row.seq,
    at: row.at,
    kind: 'request',
    payload: JSON.parse(row.payload) as unknown,
  };
}
