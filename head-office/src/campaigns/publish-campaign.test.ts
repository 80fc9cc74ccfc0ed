// Publishing at head office, against a real PostgreSQL: each revision is signed with HQ's key and
// queued with the campaign in one transaction, to every store or only to the targeted ones, and
// the stores a revision no longer reaches are sent its tombstone.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWithdrawal, verifySignedCampaign, type SignedCampaign } from '@vitrine/shared/core';
import { loadSigningKey, type HeadOfficeKey } from '@vitrine/shared/node';
import { migrate } from '../db/migrations';
import { startTestPostgres, type TestPostgres } from '../local/test-postgres';
import { headOfficeMigrations } from '../schema';
import { publishCampaign, withdrawCampaign } from './publish-campaign';
import { testDraft as draft } from './test-draft';

const targeting = (stores: string[], regions: string[] = []) => ({
  stores,
  regions,
  groups: [],
  tags: [],
});

describe('publishing a campaign at head office', () => {
  let test: TestPostgres;
  let pool: pg.Pool;
  let key: HeadOfficeKey;
  let dataDir: string;

  /** The outbox rows from `after` on: subject, and the verified content each carries. */
  const queued = async (after = '0') => {
    const rows = await pool.query<{
      id: string;
      subject: string;
      body: { campaign: SignedCampaign };
    }>('SELECT id, subject, body FROM link_outbox WHERE id > $1 ORDER BY id', [after]);
    return Promise.all(
      rows.rows.map(async (row) => {
        const verified = await verifySignedCampaign(row.body.campaign, key.anchor);
        if (!verified.ok) throw new Error(verified.error);
        const content = verified.value;
        return {
          subject: row.subject,
          revision: content.revision,
          withdrawn: isWithdrawal(content),
        };
      }),
    );
  };
  const lastId = async () =>
    (await pool.query<{ id: string }>('SELECT coalesce(max(id), 0) AS id FROM link_outbox'))
      .rows[0]!.id;

  beforeAll(async () => {
    test = await startTestPostgres();
    pool = new pg.Pool({ connectionString: await test.freshDatabase(), max: 4 }).on(
      'error',
      () => undefined,
    );
    await migrate(pool, headOfficeMigrations);
    await pool.query(
      `INSERT INTO regions (id, name) VALUES ('north', 'North'), ('south', 'South')`,
    );
    await pool.query(
      `INSERT INTO stores (id, name, region_id, time_zone, currency) VALUES
         ('lille', 'Lille', 'north', 'Europe/Paris', 'EUR'),
         ('rouen', 'Rouen', 'north', 'Europe/Paris', 'EUR'),
         ('nice', 'Nice', 'south', 'Europe/Paris', 'EUR')`,
    );
    dataDir = mkdtempSync(join(tmpdir(), 'vitrine-hq-key-'));
    key = loadSigningKey(dataDir);
  });
  afterAll(async () => {
    await pool?.end();
    await test?.remove();
  });

  it('keeps one key in its data dir: the same trust anchor after a restart', () => {
    expect(loadSigningKey(dataDir).anchor).toEqual(key.anchor);
    expect(key.anchor.keyId).toMatch(/^ho-[0-9a-f]{16}$/);
  });

  it('sends "all" once on the chain, a region to its stores only, and the dropped ones a tombstone', async () => {
    const all = await publishCampaign(pool, key, draft());
    expect(all).toMatchObject({ revision: 1, audience: 'all', withdrawnFrom: [] });
    expect(await queued()).toEqual([
      { subject: 'vt.hq.all.campaign', revision: 1, withdrawn: false },
    ]);

    let mark = await lastId();
    const north = await publishCampaign(pool, key, draft({ targeting: targeting([], ['north']) }));
    expect(north).toMatchObject({
      revision: 2,
      audience: ['lille', 'rouen'],
      withdrawnFrom: ['nice'],
    });
    expect(await queued(mark)).toEqual([
      { subject: 'vt.hq.store.lille.campaign', revision: 2, withdrawn: false },
      { subject: 'vt.hq.store.rouen.campaign', revision: 2, withdrawn: false },
      { subject: 'vt.hq.store.nice.campaign', revision: 2, withdrawn: true },
    ]);

    mark = await lastId();
    await publishCampaign(pool, key, draft({ targeting: targeting(['rouen']) }));
    expect(await queued(mark)).toEqual([
      { subject: 'vt.hq.store.rouen.campaign', revision: 3, withdrawn: false },
      { subject: 'vt.hq.store.lille.campaign', revision: 3, withdrawn: true },
    ]);

    mark = await lastId();
    const withdrawn = await withdrawCampaign(pool, key, 'winter-sale');
    expect(withdrawn.revision).toBe(4);
    expect(await queued(mark)).toEqual([
      { subject: 'vt.hq.store.rouen.campaign', revision: 4, withdrawn: true },
    ]);
    const row = await pool.query('SELECT status, revision, live_revision FROM campaigns');
    expect(row.rows).toEqual([{ status: 'withdrawn', revision: 4, live_revision: null }]);
    await expect(withdrawCampaign(pool, key, 'winter-sale')).rejects.toThrow(/not on any screen/);
  });

  it('refuses what it cannot deliver, saying why, and queues nothing', async () => {
    const mark = await lastId();
    await expect(
      publishCampaign(
        pool,
        key,
        draft({ id: 'x', targeting: targeting(['lille', 'paris'], ['west']) }),
      ),
    ).rejects.toThrow(/does not know: store paris, region west/);
    await expect(
      publishCampaign(
        pool,
        key,
        draft({ id: 'x', targeting: { ...targeting([]), tags: ['big'] } }),
      ),
    ).rejects.toMatchObject({ code: 'targeting_unsupported' });
    await expect(publishCampaign(pool, key, { id: 'x' })).rejects.toMatchObject({
      code: 'invalid_campaign',
    });
    const broken = draft({ id: 'x' });
    broken.layout.zones[0]!.playlistId = 'nope';
    await expect(publishCampaign(pool, key, broken)).rejects.toThrow(
      /playlist that does not exist/,
    );
    expect(await lastId()).toBe(mark);
    const campaigns = await pool.query(`SELECT 1 FROM campaigns WHERE id = 'x'`);
    expect(campaigns.rowCount).toBe(0);
  });
});
