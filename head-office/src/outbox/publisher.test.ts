// The outbox publisher against a real PostgreSQL and a real 3-node NATS cluster: every head's
// revisions reach the stream gapless and in order, exactly once, through concurrent writers, a
// crash after the PubAck, a publisher process killed mid-run, and a cluster without quorum.
import type { ChildProcess } from 'node:child_process';
import { jetstream } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainMsgId, storeMsgId, STREAMS } from '@vitrine/shared/core';
import { createLogger } from '@vitrine/shared/node';
import { enqueue, type OutboxChange } from './enqueue';
import { assignRevisions, readUnpublished } from './outbox-rows';
import { publishRow } from './publish-row';
import { startPublisherChild } from './publisher-child';
import { startOutboxPublisher, type OutboxPublisher } from './publisher';
import {
  lastSeq,
  startTestLink,
  streamMessages,
  type StreamMessage,
  type TestLink,
} from './test-link';
import { inTransaction } from '../db/transaction';

const log = createLogger('silent', {});
let marker = 0;

const chainChange = (chunks = 1): OutboxChange => ({
  to: 'chain',
  messages: Array.from({ length: chunks }, () => ({
    type: 'catalogue' as const,
    docs: [{ c: 'products' as const, id: `row-${++marker}`, del: true as const }],
  })),
});
const storeChange = (storeId: string): OutboxChange => ({
  to: 'store',
  storeId,
  messages: [
    { type: 'stock', lines: [{ productId: `row-${++marker}`, variantId: 'v', units: 1 }] },
  ],
});
const STORES = ['s1', 's2', 's3'];
/** A change for one head or several, chunked or not. */
const someChange = (i: number): OutboxChange[] =>
  i % 4 === 0
    ? [chainChange(1 + (i % 3)), storeChange(STORES[i % 3]!)]
    : i % 2 === 0
      ? [chainChange()]
      : [storeChange(STORES[i % 3]!)];

function markerOf(body: Record<string, unknown>): string {
  const { docs, lines } = body as { docs?: { id: string }[]; lines?: { productId: string }[] };
  return docs?.[0]?.id ?? lines?.[0]?.productId ?? '';
}
const headOf = (message: StreamMessage) =>
  message.subject.startsWith('vt.hq.all.') ? 'chain' : `store:${message.subject.split('.')[3]}`;

describe('the link outbox publisher', () => {
  let link: TestLink;
  const publishers: OutboxPublisher[] = [];
  const children: ChildProcess[] = [];

  const write = (changes: OutboxChange[]) => inTransaction(link.pool, (c) => enqueue(c, changes));
  const unpublished = async () =>
    (
      await link.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM link_outbox WHERE published_at IS NULL',
      )
    ).rows[0]!.n;
  const startPublisher = () => {
    const publisher = startOutboxPublisher({
      pool: link.pool,
      js: jetstream(link.nc),
      log,
      roleRetryMs: 200,
      publishTimeoutMs: 2_000,
      retry: { firstMs: 200, maxMs: 1_000 },
    });
    publishers.push(publisher);
    return publisher;
  };

  /** Where the streams, the rows and the heads stand before a test. */
  const mark = async () => {
    const heads = await link.pool.query<{ key: string; rev: string }>(
      'SELECT key, rev FROM link_heads',
    );
    const rows = await link.pool.query<{ id: string }>(
      'SELECT coalesce(max(id), 0) AS id FROM link_outbox',
    );
    return {
      rowId: rows.rows[0]!.id,
      chain: await lastSeq(link.jsm, STREAMS.hqChain),
      stores: await lastSeq(link.jsm, STREAMS.hqStores),
      heads: new Map(heads.rows.map((head) => [head.key, Number(head.rev)])),
    };
  };

  /**
   * What the streams got since `before`: each head's revisions follow on from its previous one
   * with no gap, in stream order; each row is there exactly once, under the revision, id and
   * header its row says; a chunked change names its last chunk.
   */
  const expectDelivered = async (before: Awaited<ReturnType<typeof mark>>) => {
    const messages = [
      ...(await streamMessages(link.jsm, STREAMS.hqChain, before.chain)),
      ...(await streamMessages(link.jsm, STREAMS.hqStores, before.stores)),
    ];
    const rows = await link.pool.query<{
      head: string;
      rev: string;
      chunks_left: number | null;
      body: Record<string, unknown>;
    }>('SELECT head, rev, chunks_left, body FROM link_outbox WHERE id > $1 ORDER BY id', [
      before.rowId,
    ]);
    expect(messages).toHaveLength(rows.rowCount!);
    const byMarker = new Map(messages.map((message) => [markerOf(message.body), message]));
    expect(byMarker.size).toBe(messages.length); // no row twice
    for (const row of rows.rows) {
      const message = byMarker.get(markerOf(row.body));
      const rev = Number(row.rev);
      expect(message?.body).toMatchObject({ v: 1, rev });
      expect(message!.revHeader).toBe(String(rev));
      const type = row.body.type as string;
      expect(message!.msgId).toBe(
        row.head === 'chain' ? chainMsgId(type, rev) : storeMsgId(row.head.slice(6), type, rev),
      );
      if (row.chunks_left !== null) expect(message!.body.atomicUntil).toBe(rev + row.chunks_left);
    }
    const revs = new Map<string, number[]>();
    for (const message of messages) {
      const list = revs.get(headOf(message)) ?? [];
      list.push(message.body.rev as number);
      revs.set(headOf(message), list);
    }
    for (const [head, list] of revs) {
      const from = (before.heads.get(head) ?? 0) + 1;
      expect(list, head).toEqual(list.map((_, i) => from + i));
    }
    return messages;
  };

  beforeAll(async () => {
    link = await startTestLink();
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(publishers.map((publisher) => publisher.stop()));
    await link?.stop();
  });

  it('numbers concurrent writers’ rows gaplessly per head, in order in the stream', async () => {
    const before = await mark();
    const publisher = startPublisher();
    await Promise.all(Array.from({ length: 40 }, (_, i) => write(someChange(i))));
    await expect.poll(unpublished, { timeout: 30_000, interval: 200 }).toBe(0);
    const messages = await expectDelivered(before);
    expect(messages.length).toBeGreaterThan(50);
    expect(publisher.stats).toMatchObject({ duplicates: 0, failures: 0 });
    await publisher.stop();
  });

  it('is woken by each commit, and listens again when its LISTEN connection is cut', async () => {
    const before = await mark();
    // A poll too slow to matter: only NOTIFY can bring these rows out in time.
    const publisher = startOutboxPublisher({
      pool: link.pool,
      js: jetstream(link.nc),
      log,
      pollMs: 60_000,
      roleRetryMs: 200,
    });
    publishers.push(publisher);
    await expect.poll(() => publisher.held(), { timeout: 10_000 }).toBe(true);
    await write([chainChange()]);
    await expect.poll(unpublished, { timeout: 5_000 }).toBe(0);
    const listening = () =>
      link.pool.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE query = 'LISTEN link_outbox' AND pid <> pg_backend_pid()`,
      );
    const [cut] = (await listening()).rows;
    await link.pool.query('SELECT pg_terminate_backend($1)', [cut!.pid]);
    const listensAgain = async () => {
      const pids = (await listening()).rows.map((row) => row.pid);
      return pids.length === 1 && pids[0] !== cut!.pid;
    };
    await expect.poll(listensAgain, { timeout: 10_000 }).toBe(true);
    await write([storeChange('s1')]);
    await expect.poll(unpublished, { timeout: 5_000 }).toBe(0);
    await expectDelivered(before);
    await publisher.stop();
  });

  it('after a crash between the PubAck and the mark, sends the same revision and id again', async () => {
    const before = await mark();
    await write([chainChange(), storeChange('s2')]);
    // What a publisher leaves when it dies at that moment: revisions stored, messages in the
    // stream, rows not marked.
    const rows = await assignRevisions(link.pool, await readUnpublished(link.pool, 10));
    const js = jetstream(link.nc);
    for (const row of rows) expect((await publishRow(js, row, 5_000)).duplicate).toBe(false);
    const publisher = startPublisher();
    await expect.poll(unpublished, { timeout: 20_000 }).toBe(0);
    expect(publisher.stats).toMatchObject({ published: 2, duplicates: 2 });
    await expectDelivered(before); // once each in the stream
    await publisher.stop();
  });

  it('two head-office processes: the one publishing is killed mid-run, the other carries on', async () => {
    const before = await mark();
    const env = {
      databaseUrl: link.databaseUrl,
      natsUrls: link.cluster.clientUrls,
      natsSeed: link.cluster.hqSeed!,
    };
    const started = [startPublisherChild(env), startPublisherChild(env)];
    children.push(...started.map((s) => s.child));
    await Promise.all(started.map((s) => s.ready));
    const holder = async () => {
      const held = await link.pool.query<{ name: string }>(
        `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted AND l.objid = hashtext('publisher')::oid`,
      );
      return held.rows[0]?.name.replace('publisher-child:', '');
    };
    await expect.poll(holder, { timeout: 20_000 }).toBeDefined();
    const holding = await holder();
    const first = started.find((s) => String(s.child.pid) === holding)!;
    let writes = 0;
    const writing = (async () => {
      for (; writes < 60; writes++) {
        await write(someChange(writes));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await expect
      .poll(
        async () =>
          (
            await link.pool.query(
              'SELECT 1 FROM link_outbox WHERE published_at IS NOT NULL AND id > $1',
              [before.rowId],
            )
          ).rowCount,
        { timeout: 20_000, interval: 50 },
      )
      .toBeGreaterThan(10);
    const killedAt = (await link.pool.query<{ now: Date }>('SELECT now()')).rows[0]!.now;
    first.child.kill('SIGKILL');
    await writing;
    await expect.poll(holder, { timeout: 20_000 }).not.toBe(String(first.child.pid));
    await expect.poll(unpublished, { timeout: 30_000, interval: 200 }).toBe(0);
    await expectDelivered(before);
    const after = await link.pool.query('SELECT 1 FROM link_outbox WHERE published_at > $1', [
      killedAt,
    ]);
    expect(after.rowCount).toBeGreaterThan(0); // the survivor published what was left
    for (const s of started) s.child.kill('SIGKILL');
  });

  it('without quorum (2 of 3 nodes down) rows wait, then go in order once the nodes are back', async () => {
    const before = await mark();
    const publisher = startPublisher();
    const [, n2, n3] = link.cluster.nodes;
    await Promise.all([n2!.kill(), n3!.kill()]);
    for (let i = 0; i < 12; i++) await write(someChange(i));
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await unpublished()).toBeGreaterThanOrEqual(12);
    expect(publisher.stats.failures).toBeGreaterThan(0);
    await Promise.all([n2!.start(), n3!.start()]);
    await link.cluster.ready();
    await expect.poll(unpublished, { timeout: 45_000, interval: 250 }).toBe(0);
    await expectDelivered(before);
    await publisher.stop();
  });
});
