import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestPostgres, type TestPostgres } from '../local/test-postgres';
import { LOCK_SPACE } from './advisory-locks';
import { holdRole, type RoleHolder } from './roles';

describe('background roles', () => {
  let test: TestPostgres;
  let url: string;
  const pools: pg.Pool[] = [];
  const holders: RoleHolder[] = [];

  /** One head-office process, as far as roles go: its own pool, a record of what it saw. */
  const contender = (role: string) => {
    const pool = new pg.Pool({ connectionString: url, application_name: `contender` });
    pool.on('error', () => undefined);
    pools.push(pool);
    const seen: string[] = [];
    const holder = holdRole(pool, role, {
      onGain: () => void seen.push('gain'),
      onLose: () => void seen.push('lose'),
      retryMs: 100,
    });
    holders.push(holder);
    return { holder, seen };
  };

  beforeAll(async () => {
    test = await startTestPostgres();
    url = await test.freshDatabase();
  });
  afterAll(async () => {
    await Promise.all(holders.map((holder) => holder.stop()));
    await Promise.all(pools.map((pool) => pool.end()));
    await test?.remove();
  });

  it('is held by one contender at a time, and passes on when the holder stops', async () => {
    const a = contender('publisher');
    const b = contender('publisher');
    const other = contender('partitions');
    await expect.poll(() => [a, b].filter((c) => c.holder.held()).length).toBe(1);
    await expect.poll(() => other.holder.held()).toBe(true); // another role, another lock
    await new Promise((resolve) => setTimeout(resolve, 300)); // a few retries: still one
    const [holder, waiting] = a.holder.held() ? [a, b] : [b, a];
    expect(waiting.holder.held()).toBe(false);

    await holder.holder.stop();
    expect(holder.seen).toEqual(['gain', 'lose']);
    await expect.poll(() => waiting.holder.held()).toBe(true);
    expect(waiting.seen).toEqual(['gain']);
  });

  it('is lost when its connection is cut, and taken by the next contender', async () => {
    const a = contender('snapshots');
    await expect.poll(() => a.holder.held()).toBe(true);
    const b = contender('snapshots');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // Cut the holder's session, as a network drop or an operator would.
    await admin
      .query(
        `SELECT pg_terminate_backend(l.pid) FROM pg_locks l
          WHERE l.locktype = 'advisory' AND l.granted
            AND l.classid = $1::int4::oid AND l.objid = hashtext('snapshots')::oid`,
        [LOCK_SPACE.roles],
      )
      .finally(() => admin.end());
    await expect.poll(() => a.seen).toEqual(['gain', 'lose']);
    await expect.poll(() => a.holder.held() || b.holder.held()).toBe(true);
    // Exactly one of them holds it again.
    expect([a, b].filter((c) => c.holder.held())).toHaveLength(1);
  });
});
