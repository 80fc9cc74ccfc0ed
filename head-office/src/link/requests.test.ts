// Head office answers the stores' requests, on a real PostgreSQL and a real nats-server whose
// users file head office keeps: hello says where the heads are, what the store's durables will
// do and who its neighbours are; a store cannot ask in another's name; a refusal is on record
// and in the admin route; a rotation's two steps change which key opens the link; a revoked
// store is answered with an error (and its key no longer connects).
import { createUser, type KeyPair } from '@nats-io/nkeys';
import { connect, nkeyAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeLinkMessage,
  encodeLinkMessage,
  LINK_RETENTION,
  LINK_VERSION,
  linkReplySchema,
  nanos,
  STREAMS,
  storeDurable,
  storeInboxPrefix,
  storeSubjects,
  type LinkRequestKind,
} from '@vitrine/shared/core';
import { enqueue } from '../outbox/enqueue';
import { inTransaction } from '../db/transaction';
import { newStore, startStoresTestBed } from '../stores/test-bed';

let bed: Awaited<ReturnType<typeof startStoresTestBed>>;
const keys = new Map<string, KeyPair>();
const open: NatsConnection[] = [];

async function enrol(id: string, neighbours: string[] = []) {
  expect((await bed.call('POST', '/stores', newStore(id, neighbours))).status).toBe(201);
  const code = await bed.call('POST', `/stores/${id}/enrol-codes`, { ttlMinutes: 5 });
  const pair = createUser();
  const body = { code: code.json.code, storeId: id, publicKey: pair.getPublicKey() };
  expect((await bed.call('POST', '/enrol', body, { token: null })).status).toBe(200);
  keys.set(id, pair);
}

async function asStore(id: string, pair = keys.get(id)!) {
  const nc = await connect({
    servers: bed.node.url,
    authenticator: nkeyAuthenticator(pair.getSeed()),
    inboxPrefix: storeInboxPrefix(id),
    maxReconnectAttempts: 0,
  });
  open.push(nc);
  return nc;
}

/** A request on `subjectStore`'s subject, sent on `nc`; the reply parsed (or the error thrown). */
async function ask(nc: NatsConnection, subjectStore: string, kind: LinkRequestKind, body: object) {
  const reply = await nc.request(storeSubjects(subjectStore).req[kind], encodeLinkMessage(body), {
    timeout: 5_000,
  });
  const parsed = decodeLinkMessage(linkReplySchema(kind), reply.data);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value as Record<string, unknown>;
}

const hello = (chain: number, store: number) => ({
  v: LINK_VERSION,
  type: 'hello',
  checkpoints: { chain, store },
  version: '16.0.0',
});
const logged = (message: string) => bed.logs.filter((line) => line.msg === message);
const published = async (head: string) =>
  Number(
    (await bed.hq.pool.query<{ rev: string }>('SELECT rev FROM link_heads WHERE key = $1', [head]))
      .rows[0]?.rev ?? 0,
  );

beforeAll(async () => {
  bed = await startStoresTestBed();
  await enrol('B');
  await enrol('A', ['B']);
  // What head office has sent: two chain messages, three for A (the real publisher numbers them).
  const deletion = (id: string) => ({
    type: 'catalogue' as const,
    docs: [{ c: 'faq' as const, id, del: true as const }],
  });
  await inTransaction(bed.hq.pool, async (client) => {
    await enqueue(client, [{ to: 'chain', messages: [deletion('x')] }]);
    await enqueue(client, [{ to: 'chain', messages: [deletion('y')] }]);
    for (const n of [['B'], [], ['B']])
      await enqueue(client, [
        { to: 'store', storeId: 'A', messages: [{ type: 'neighbours', neighbours: n }] },
      ]);
  });
  const deadline = Date.now() + 20_000;
  while ((await published('store:A')) < 3 || (await published('chain')) < 2) {
    if (Date.now() > deadline) throw new Error('the publisher did not send the outbox');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});
afterAll(async () => {
  await Promise.all(open.map((nc) => nc.close().catch(() => undefined)));
  await bed?.stop();
});

describe('head office answers the stores’ requests', () => {
  it('brings a durable made by an older release (60 s ack wait) to the declared one at hello', async () => {
    const jsm = await jetstreamManager(bed.hqNats);
    const durable = storeDurable('B');
    const ackWaitOf = async () =>
      (await jsm.consumers.info(STREAMS.hqChain, durable)).config.ack_wait;
    await jsm.consumers.update(STREAMS.hqChain, durable, { ack_wait: nanos(60_000) });
    expect(await ackWaitOf()).toBe(nanos(60_000));
    // The link answers once its streams are set: the first hello may come before.
    const b = await asStore('B');
    await expect
      .poll(() => ask(b, 'B', 'hello', hello(0, 0)).catch(() => null), { timeout: 20_000 })
      .toMatchObject({ type: 'hello' });
    expect(await ackWaitOf()).toBe(nanos(LINK_RETENTION.storeAckWaitMs));
    expect(LINK_RETENTION.storeAckWaitMs).toBeLessThan(60_000);
  });

  it('answers hello with the heads, what the durables will do, the neighbours and the store’s record', async () => {
    const a = await asStore('A');
    // The link answers once its streams are set: the first hello may come before.
    await expect
      .poll(() => ask(a, 'A', 'hello', hello(0, 3)).catch(() => null), { timeout: 20_000 })
      .toMatchObject({ type: 'hello' });
    expect(await ask(a, 'A', 'hello', hello(0, 3))).toEqual({
      v: 1,
      type: 'hello',
      decisions: { chain: 'catch-up', store: 'up-to-date' },
      heads: { chain: 2, store: 3 },
      neighbours: ['B'],
      store: { timeZone: 'Europe/Paris', currency: 'EUR' },
    });
    // Ahead of head office (restored from a backup): only a snapshot can set it right.
    expect((await ask(a, 'A', 'hello', hello(2, 5))).decisions).toEqual({
      chain: 'up-to-date',
      store: 'snapshot',
    });
    expect(
      logged("store A is past the stream's history: a fresh snapshot is wanted"),
    ).not.toHaveLength(0);
    const wanted = await bed.hq.pool.query("SELECT 1 FROM store_snapshots WHERE store_id = 'A'");
    expect(wanted.rowCount).toBe(1);
    const seen = await bed.hq.pool.query<{ last_seen_at: Date }>(
      "SELECT last_seen_at FROM stores WHERE id = 'A'",
    );
    expect(seen.rows[0]?.last_seen_at).toBeInstanceOf(Date);
    // B's own answer: its heads and neighbours, not A's.
    const b = await asStore('B');
    expect(await ask(b, 'B', 'hello', hello(0, 0))).toMatchObject({
      decisions: { chain: 'catch-up', store: 'up-to-date' },
      heads: { chain: 2, store: 0 },
      neighbours: [],
    });
  });

  it('never answers one store about another: the subject names the store', async () => {
    const a = await asStore('A');
    // A's key may not publish on B's subjects: the server refuses the request outright.
    await expect(ask(a, 'B', 'hello', hello(0, 0))).rejects.toThrow(/permission|timeout/i);
    // A body naming another store changes nothing: the answer is A's.
    const reply = await ask(a, 'A', 'hello', { ...hello(0, 3), storeId: 'B' });
    expect(reply).toMatchObject({ heads: { store: 3 }, neighbours: ['B'] });
    // A request that is not one gets an error reply, not silence.
    expect(await ask(a, 'A', 'resync', { v: 1, type: 'resync' })).toMatchObject({
      type: 'error',
      error: expect.stringContaining('resync') as unknown,
    });
    expect(
      await ask(a, 'A', 'stock-catch-up', {
        v: 1,
        type: 'stock-catch-up',
        neighbour: 'B',
        afterSeq: 0,
      }),
    ).toEqual({
      v: 1,
      type: 'stock-catch-up',
      neighbour: 'B',
      lines: [],
      untilSeq: 0,
      headSeq: 0,
    });
    // Only a configured neighbour's stock: B does not follow A.
    const b = await asStore('B');
    expect(
      await ask(b, 'B', 'stock-catch-up', {
        v: 1,
        type: 'stock-catch-up',
        neighbour: 'A',
        afterSeq: 0,
      }),
    ).toEqual({ v: 1, type: 'error', error: 'store A is not a neighbour of store B' });
  });

  it('tells a store with a gap whether its durable catches up or it needs a snapshot', async () => {
    const a = await asStore('A');
    const gap = { v: 1, type: 'resync', stream: 'chain', held: 0, got: 2 };
    expect(await ask(a, 'A', 'resync', gap)).toEqual({
      v: 1,
      type: 'resync',
      decision: 'catch-up',
    });
    // Revision 1 leaves the stream (as retention would drop it): only a snapshot brings it now.
    const jsm = await jetstreamManager(bed.hqNats, { timeout: 10_000 });
    await jsm.streams.purge(STREAMS.hqChain, { keep: 1 });
    expect(await ask(a, 'A', 'resync', gap)).toMatchObject({ decision: 'snapshot' });
    expect((await ask(a, 'A', 'resync', { ...gap, held: 1 })).decision).toBe('catch-up');
    // Only the chain's decision: the snapshot the first test wanted for A may have been sent
    // by now, which moves A's own stream on (its store decision is the first test's business).
    expect((await ask(a, 'A', 'hello', hello(0, 3))).decisions).toMatchObject({
      chain: 'snapshot',
    });
  });

  it('records what a store refused and lists it for the console, newest first', async () => {
    const a = await asStore('A');
    for (const rev of [7, 8, 9])
      expect(
        await ask(a, 'A', 'refused', {
          v: 1,
          type: 'refused',
          subject: 'vt.hq.all.campaign',
          rev,
          reason: `signature does not verify (${rev})`,
        }),
      ).toEqual({ v: 1, type: 'refused', recorded: true });
    const page = await bed.call('GET', '/link-refusals?store=A');
    const { refusals } = page.json as unknown as { refusals: { rev: number; storeId: string }[] };
    expect(refusals.map((r) => [r.storeId, r.rev])).toEqual([
      ['A', 9],
      ['A', 8],
      ['A', 7],
    ]);
    const older = await bed.call(
      'GET',
      `/link-refusals?before=${(refusals[1] as { id?: number }).id}`,
    );
    expect(
      (older.json as unknown as { refusals: { rev: number }[] }).refusals.map((r) => r.rev),
    ).toEqual([7]);
    expect((await bed.call('GET', '/link-refusals?before=abc')).status).toBe(400);
    expect((await bed.call('GET', '/link-refusals', undefined, { token: null })).status).toBe(401);
  });

  it('rotates a key in two steps: both open the link, then only the new one', async () => {
    const old = keys.get('A')!;
    const fresh = createUser();
    const before = await asStore('A', old);
    expect(
      await ask(before, 'A', 'rotate', {
        v: 1,
        type: 'rotate',
        step: 'add',
        newPublicKey: fresh.getPublicKey(),
      }),
    ).toEqual({ v: 1, type: 'rotate', step: 'add', liveKeys: 2 });
    const after = await asStore('A', fresh);
    const closed = before.closed();
    expect(
      await ask(after, 'A', 'rotate', {
        v: 1,
        type: 'rotate',
        step: 'confirm',
        publicKey: fresh.getPublicKey(),
      }),
    ).toEqual({ v: 1, type: 'rotate', step: 'confirm', liveKeys: 1 });
    await closed; // the old key's connection is closed by the reload
    await expect(asStore('A', old)).rejects.toThrow(/authorization/i);
    const { heads } = (await ask(after, 'A', 'hello', hello(0, 3))) as {
      heads: { chain: number; store: number };
    };
    // The fresh snapshot A was found to need (its hello ahead of head office) adds revisions.
    expect(heads.chain).toBe(2);
    expect(heads.store).toBeGreaterThanOrEqual(3);
    keys.set('A', fresh);
  });

  it('answers a revoked store with an error, and its key no longer connects', async () => {
    const b = await asStore('B');
    const closed = b.closed();
    expect((await bed.call('POST', '/stores/B/revoke')).status).toBe(200);
    await closed;
    await expect(asStore('B')).rejects.toThrow(/authorization/i);
    // Only a process with head office's own key could still ask in B's name: it is refused too.
    expect(await ask(bed.hqNats, 'B', 'hello', hello(0, 0))).toEqual({
      v: 1,
      type: 'error',
      error: 'store B is revoked at head office: enrol it again',
    });
    expect(await ask(bed.hqNats, 'nobody', 'hello', hello(0, 0))).toMatchObject({ type: 'error' });
    expect(logged('link request refused with an error reply').map((line) => line.store)).toEqual(
      expect.arrayContaining(['B', 'nobody']),
    );
  });
});
