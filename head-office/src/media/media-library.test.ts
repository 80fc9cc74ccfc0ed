import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrations';
import { createPool, type Pool } from '../db/pool';
import { startTestPostgres, type TestPostgres } from '../local/test-postgres';
import { headOfficeMigrations } from '../schema';
import { findMedia, recordMedia } from './media-library';

let test: TestPostgres;
let pool: Pool;

beforeAll(async () => {
  test = await startTestPostgres();
  // A connection cut by the server's stop at the end is no failure of the test.
  pool = createPool(await test.freshDatabase(), () => undefined, { max: 2 });
  await migrate(pool, headOfficeMigrations);
});

afterAll(async () => {
  await pool?.end();
  await test?.remove();
});

const ref = () => ({
  sha256: createHash('sha256').update(randomBytes(16)).digest('hex'),
  type: 'image/jpeg' as const,
  size: 4_096,
});

describe('the media library', () => {
  it('records a file once: the same file again takes the new name, keeps its first upload', async () => {
    const media = ref();
    const first = await recordMedia(pool, { ...media, name: 'poster.jpg' });
    expect(first).toMatchObject({ ...media, name: 'poster.jpg' });
    const again = await recordMedia(pool, { ...media, name: 'poster-final.jpg' });
    expect(again).toEqual({ ...first, name: 'poster-final.jpg' });
    expect(await findMedia(pool, media.sha256)).toEqual(again);
    const count = await pool.query('SELECT count(*)::int AS n FROM media');
    expect(count.rows[0]).toEqual({ n: 1 });
  });

  it('refuses what is not a SHA-256 or has no bytes, and finds nothing unknown', async () => {
    await expect(
      pool.query(
        "INSERT INTO media (sha256, type, size, name) VALUES ('ABC', 'image/png', 1, 'x')",
      ),
    ).rejects.toThrow(/check constraint/);
    await expect(
      pool.query('INSERT INTO media (sha256, type, size, name) VALUES ($1, $2, 0, $3)', [
        ref().sha256,
        'image/png',
        'x',
      ]),
    ).rejects.toThrow(/check constraint/);
    expect(await findMedia(pool, ref().sha256)).toBeUndefined();
  });
});
