// Head office's stores API on a real PostgreSQL and a real nats-server: every bad input is a
// 4xx, an enrolment code works once and expires, enrolment makes the store's key open the
// link (users file rewritten, node reloaded by its pid file, durables created) and a
// revocation closes it again.
import { readFileSync } from 'node:fs';
import { jetstreamManager } from '@nats-io/jetstream';
import { createUser } from '@nats-io/nkeys';
import { connect, nkeyAuthenticator } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDurable, STREAMS } from '@vitrine/shared/core';
import type { HeadOffice } from '../server';
import { newStore as store, startStoresTestBed } from './test-bed';

let bed: Awaited<ReturnType<typeof startStoresTestBed>>;
let hq: HeadOffice;
let url = '';
let usersFile = '';

beforeAll(async () => {
  bed = await startStoresTestBed();
  ({ hq, usersFile } = bed);
  url = bed.node.url;
});
afterAll(() => bed?.stop());

/** As a caller with the admin token, or with `token` (null: none). */
const call = (method: string, path: string, body?: unknown, token?: string | null) =>
  bed.call(method, path, body, { token });

describe('stores', () => {
  it('takes neighbour changes of stores naming each other at the same time (no deadlock, no 500)', async () => {
    const ids = ['N1', 'N2', 'N3'];
    for (const id of ids) expect((await call('POST', '/stores', store(id))).status).toBe(201);
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(
        ids.map((id) =>
          call('PUT', `/stores/${id}/neighbours`, {
            neighbours: ids.filter((other) => other !== id),
          }),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    }
  });

  it('creates, reads and lists stores; neighbours change; every bad input is a 4xx', async () => {
    expect((await call('POST', '/stores', store('S1'))).status).toBe(201);
    const s2 = await call('POST', '/stores', store('S2', ['S1']));
    expect(s2).toMatchObject({
      status: 201,
      json: { id: 'S2', neighbours: ['S1'], liveKeys: 0, status: 'active', region: { id: 'west' } },
    });
    expect(
      (await call('PUT', '/stores/S1/neighbours', { neighbours: ['S2'] })).json.neighbours,
    ).toEqual(['S2']);
    expect((await call('GET', '/stores/S1')).json).toMatchObject({
      timeZone: 'Europe/Paris',
      currency: 'EUR',
    });
    const list = await call('GET', '/stores');
    expect(list.json.stores.map((s) => s.id)).toEqual(expect.arrayContaining(['S1', 'S2']));
    expect((await call('GET', '/stores?after=S1')).json.stores[0]?.id).toBe('S2');
    const inWest = (await call('GET', '/stores?region=west&status=active')).json.stores;
    expect(inWest.map((s) => s.id)).toEqual(expect.arrayContaining(['S1', 'S2']));
    expect((await call('GET', '/stores?region=east')).json.stores).toEqual([]);
    expect((await call('GET', '/stores?status=revoked')).json.stores).toEqual([]);
    expect((await call('GET', '/stores?status=closed')).status).toBe(400);

    const refusals = await Promise.all([
      call('POST', '/stores', store('S3'), null), // no token
      call('POST', '/stores', store('S3'), 'wrong-token-0123456789'),
      call('POST', '/stores', '{"id":'), // broken JSON
      call('POST', '/stores', { ...store('S3'), timeZone: 'Mars/Olympus' }),
      call('POST', '/stores', { ...store('S3'), currency: 'euro' }),
      call('POST', '/stores', store('a.b')),
      call(
        'POST',
        '/stores',
        store(
          'S3',
          Array.from({ length: 11 }, (_, i) => `N${i}`),
        ),
      ),
      call('POST', '/stores', store('S3', ['nowhere'])),
      call('POST', '/stores', store('S1')), // exists
      call('PUT', '/stores/S1/neighbours', { neighbours: ['S1'] }),
      call('PUT', '/stores/S1/neighbours', { neighbours: ['S2', 'S2'] }),
      call('GET', '/stores/nobody'),
      call('GET', '/stores/a%20b'),
      call('POST', '/stores/S1/enrol-codes', { ttlMinutes: 0 }),
      call('POST', '/enrol', { code: 'x', storeId: 'S1', publicKey: 'nope' }, null),
    ]);
    expect(refusals.map((r) => r.status)).toEqual([
      401, 401, 400, 400, 400, 400, 400, 422, 409, 422, 400, 404, 400, 400, 400,
    ]);
    for (const refusal of refusals) expect(refusal.json.error.message).toEqual(expect.any(String));
    expect((await call('GET', '/stores/S3')).status).toBe(404); // nothing half-made
  });
});

describe('enrolment and revocation', () => {
  it('lets a code enrol its store once: the key opens the link and the durables exist', async () => {
    await call('POST', '/stores', store('E1'));
    const { json: issued } = await call('POST', '/stores/E1/enrol-codes', {});
    const pair = createUser();
    const body = { code: issued.code, storeId: 'E1', publicKey: pair.getPublicKey() };
    expect((await call('POST', '/enrol', { ...body, storeId: 'S1' }, null)).status).toBe(403);
    const enrolled = await call('POST', '/enrol', body, null);
    expect(enrolled).toMatchObject({
      status: 200,
      json: { storeId: 'E1', natsUrls: [url], region: { id: 'west' }, neighbours: [] },
    });
    expect(enrolled.json.trustAnchor.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await call(
      'POST',
      '/enrol',
      { ...body, publicKey: createUser().getPublicKey() },
      null,
    );
    expect(again).toMatchObject({ status: 403, json: { error: { code: 'enrol_code_used' } } });
    expect(again.json.error.message).toMatch(/used already/);
    expect(readFileSync(usersFile, 'utf8')).toContain(pair.getPublicKey());

    const jsm = await jetstreamManager(bed.hqNats, { timeout: 10_000 });
    for (const stream of [STREAMS.hqChain, STREAMS.hqStores])
      expect((await jsm.consumers.info(stream, storeDurable('E1'))).name).toBe('s-E1');
    const storeNats = await connect({
      servers: url,
      authenticator: nkeyAuthenticator(pair.getSeed()),
      inboxPrefix: '_INBOX_E1',
    });
    await storeNats.flush();
    await storeNats.close();
    expect((await call('GET', '/stores/E1/keys')).json.keys).toEqual([
      expect.objectContaining({ publicKey: pair.getPublicKey(), retiredAt: null }),
    ]);
  });

  it('answers 410 for an expired code and never uses it', async () => {
    await call('POST', '/stores', store('E2'));
    const { json: issued } = await call('POST', '/stores/E2/enrol-codes', { ttlMinutes: 1 });
    await hq.pool.query(`UPDATE enrol_codes SET expires_at = now() - interval '1 second'`);
    const late = await call(
      'POST',
      '/enrol',
      { code: issued.code, storeId: 'E2', publicKey: createUser().getPublicKey() },
      null,
    );
    expect(late).toMatchObject({ status: 410, json: { error: { code: 'enrol_code_expired' } } });
    expect((await call('GET', '/stores/E2')).json.liveKeys).toBe(0);
  });

  it('revokes a store: its connection is closed, its keys retired, HQ logs the store and keys', async () => {
    await call('POST', '/stores', store('R1'));
    const pair = createUser();
    const { json: issued } = await call('POST', '/stores/R1/enrol-codes', {});
    await call(
      'POST',
      '/enrol',
      { code: issued.code, storeId: 'R1', publicKey: pair.getPublicKey() },
      null,
    );
    const nc = await connect({
      servers: url,
      authenticator: nkeyAuthenticator(pair.getSeed()),
      reconnect: false,
    });
    const revoked = await call('POST', '/stores/R1/revoke');
    expect(revoked.json).toMatchObject({ status: 'revoked', liveKeys: 0 });
    await expect.poll(() => nc.isClosed(), { timeout: 5_000 }).toBe(true); // closed by the reload
    expect(readFileSync(usersFile, 'utf8')).not.toContain(pair.getPublicKey());
    await expect(
      connect({
        servers: url,
        authenticator: nkeyAuthenticator(pair.getSeed()),
        reconnect: false,
      }),
    ).rejects.toThrow(/authorization/i);
    expect(bed.logs).toContainEqual(
      expect.objectContaining({
        msg: expect.stringMatching(/revoked/) as unknown,
        store: 'R1',
        keys: [pair.getPublicKey()],
      }),
    );
    expect((await call('GET', '/stores/R1/keys')).json.keys[0]?.retiredAt).toEqual(
      expect.any(String),
    );
  });
});
