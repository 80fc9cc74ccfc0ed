// Writing into the outbox, against a real PostgreSQL: rows commit with the change or not at all,
// a message the store would refuse is refused here, and numbering follows each head's commits.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_MAX_PAYLOAD_BYTES } from '@vitrine/shared/core';
import { migrate } from '../db/migrations';
import { startTestPostgres, type TestPostgres } from '../local/test-postgres';
import { headOfficeMigrations } from '../schema';
import { enqueue, OutboxRefusedError, type OutboxChange } from './enqueue';
import { assignRevisions, markPublished, prunePublished, readUnpublished } from './outbox-rows';
import { inTransaction } from '../db/transaction';

const deletion = (id: string) => ({
  type: 'catalogue' as const,
  docs: [{ c: 'faq' as const, id, del: true as const }],
});

describe('the link outbox', () => {
  let test: TestPostgres;
  let pool: pg.Pool;
  const count = async () =>
    (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM link_outbox')).rows[0]!.n;

  beforeAll(async () => {
    test = await startTestPostgres();
    pool = new pg.Pool({ connectionString: await test.freshDatabase(), max: 6 }).on(
      'error',
      () => undefined,
    );
    await migrate(pool, headOfficeMigrations);
  });
  afterAll(async () => {
    await pool?.end();
    await test?.remove();
  });

  it('keeps nothing of a change that rolls back', async () => {
    await expect(
      inTransaction(pool, async (client) => {
        await enqueue(client, [{ to: 'chain', messages: [deletion('a')] }]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await count()).toBe(0);
  });

  it('refuses what the store would refuse, or NATS could not carry, saying why', async () => {
    const refused = (change: OutboxChange) => inTransaction(pool, (c) => enqueue(c, [change]));
    await expect(
      refused({
        to: 'store',
        storeId: 's1',
        messages: [{ type: 'neighbours', neighbours: ['a.b'] }],
      }),
    ).rejects.toThrow(/not a valid neighbours message: .*store id/);
    await expect(
      refused({ to: 'store', storeId: 'a.b', messages: [deletion('x')] as never }),
    ).rejects.toThrow(/not a store id: "a.b"/);
    await expect(refused({ to: 'chain', messages: [] })).rejects.toThrow(OutboxRefusedError);
    const huge = 'x'.repeat(LINK_MAX_PAYLOAD_BYTES);
    await expect(
      refused({
        to: 'chain',
        messages: [
          { type: 'catalogue', docs: [{ c: 'faq', id: 'f', del: true }, deletion(huge).docs[0]!] },
        ],
      }),
    ).rejects.toThrow(OutboxRefusedError);
    expect(await count()).toBe(0);
  });

  it('numbers each head from 1 in commit order, a chunked change under consecutive revisions', async () => {
    // Two writers on the chain head: the second waits for the first to commit, so ids follow
    // commits and a change's chunks stay together.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = inTransaction(pool, async (client) => {
      await enqueue(client, [{ to: 'chain', messages: [deletion('c1'), deletion('c2')] }]);
      await held;
      await enqueue(client, [{ to: 'chain', messages: [deletion('c3')] }]);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = inTransaction(pool, (client) =>
      enqueue(client, [
        { to: 'store', storeId: 's1', messages: [{ type: 'neighbours', neighbours: [] }] },
        { to: 'chain', messages: [deletion('d1')] },
      ]),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await Promise.all([first, second]);
    const rows = await assignRevisions(pool, await readUnpublished(pool, 100));
    expect(
      rows.map((row) => [
        row.head,
        row.rev,
        row.chunksLeft,
        (row.body.docs as { id: string }[] | undefined)?.[0]?.id,
      ]),
    ).toEqual([
      ['chain', 1, 1, 'c1'],
      ['chain', 2, 0, 'c2'],
      ['chain', 3, null, 'c3'],
      ['store:s1', 1, null, undefined],
      ['chain', 4, null, 'd1'],
    ]);
    // Numbering again changes nothing: a row keeps its revision until it is published.
    expect(await assignRevisions(pool, await readUnpublished(pool, 100))).toEqual(rows);
    const heads = await pool.query('SELECT key, rev::int FROM link_heads ORDER BY key');
    expect(heads.rows).toEqual([
      { key: 'chain', rev: 4 },
      { key: 'store:s1', rev: 1 },
    ]);
  });

  it('reads a batch within its byte budget (the first row always), and forgets old published rows', async () => {
    const change = (id: string) => ({
      to: 'chain' as const,
      messages: [
        { type: 'catalogue' as const, docs: [{ c: 'faq' as const, id, del: true as const }] },
      ],
    });
    await inTransaction(pool, (c) => enqueue(c, [change('b1'), change('b2'), change('b3')]));
    const all = await readUnpublished(pool, 100);
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(await readUnpublished(pool, 100, 1)).toEqual(all.slice(0, 1));
    expect(await readUnpublished(pool, 2)).toEqual(all.slice(0, 2));

    const numbered = await assignRevisions(pool, all);
    await markPublished(
      pool,
      numbered.map((row, i) => ({ id: row.id, streamSeq: i + 1 })),
    );
    expect(await readUnpublished(pool, 100)).toEqual([]);
    await pool.query(
      `UPDATE link_outbox SET published_at = now() - interval '15 days' WHERE id = $1`,
      [all[0]!.id],
    );
    expect(await prunePublished(pool, 14 * 24 * 3600 * 1000)).toBe(1);
    expect(await count()).toBe(all.length - 1);
  });
});
