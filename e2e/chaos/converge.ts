// After a case: wait until the chain has converged, then count. Converged means every screen of
// every store holds the campaign revision head office published (read from the screen's own
// Dexie, as the player reads it), no screen and no store owes an event, and PostgreSQL holds
// every generated event. Counting does not trust the primary key: copies are found by our own
// playId and by the device's (store, device, seq).
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import type { ChaosChain } from './chaos-chain';
import type { Ledger } from './event-flow';

export type Published = { id: string; revision: number };

export type Progress = {
  screensHolding: number;
  screens: number;
  owedByScreens: number;
  owedByStores: number;
  inPg: number;
  generated: number;
};

export type Tally = { generated: number; stored: number; lost: number; doubled: number };

const likeOf = (ledger: Ledger) => `${ledger.caseName}/%`;

function revisionOf(payload: string): number {
  try {
    const revision = (JSON.parse(payload) as { revision?: unknown }).revision;
    return typeof revision === 'number' ? revision : 0;
  } catch {
    return 0;
  }
}

const orZero = <T>(work: () => Promise<T> | T, zero: T): Promise<T> =>
  Promise.resolve()
    .then(work)
    .catch(() => zero);

async function distinctInPg(pool: pg.Pool, ledger: Ledger): Promise<number> {
  const result = await pool.query<{ n: number }>(
    `SELECT count(DISTINCT payload->>'playId')::int AS n FROM events WHERE payload->>'playId' LIKE $1`,
    [likeOf(ledger)],
  );
  return result.rows[0]!.n;
}

async function progressOf(
  chain: ChaosChain,
  ledger: Ledger,
  published: Published | undefined,
): Promise<Progress> {
  const devices = chain.stores.flatMap((store) => store.devices);
  const holding = await Promise.all(
    devices.map((device) =>
      orZero(async () => {
        const held = await device.db.campaigns.get(published?.id ?? '');
        return held && published && revisionOf(held.payload) >= published.revision ? 1 : 0;
      }, 0),
    ),
  );
  const owedByScreens = await Promise.all(
    devices.map((device) => orZero(() => device.outbox.pending(), Number.NaN)),
  );
  const owedByStores = chain.stores.map((store) => {
    try {
      return store.owed();
    } catch {
      return Number.NaN; // its database is being written by a starting server
    }
  });
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return {
    screensHolding: sum(holding),
    screens: devices.length,
    owedByScreens: sum(owedByScreens),
    owedByStores: sum(owedByStores),
    inPg: await orZero(() => distinctInPg(chain.pool, ledger), 0),
    generated: ledger.playIds.size,
  };
}

const hasConverged = (progress: Progress) =>
  progress.screensHolding === progress.screens &&
  progress.owedByScreens === 0 &&
  progress.owedByStores === 0 &&
  progress.inPg >= progress.generated;

/** Resolves true once converged, false at the deadline; `onProgress` hears each look. */
export async function waitConverged(
  chain: ChaosChain,
  ledger: Ledger,
  published: Published | undefined,
  timeoutMs: number,
  onProgress: (progress: Progress) => void,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const progress = await progressOf(chain, ledger, published);
    onProgress(progress);
    if (published && hasConverged(progress)) return true;
    if (Date.now() > deadline) return false;
    await sleep(500);
  }
}

/** What PostgreSQL holds of the case's events: stored once, lost, doubled. */
export async function tally(pool: pg.Pool, ledger: Ledger): Promise<Tally> {
  const byPlay = await pool.query<{ play: string; n: number }>(
    `SELECT payload->>'playId' AS play, count(*)::int AS n FROM events
      WHERE payload->>'playId' LIKE $1 GROUP BY 1`,
    [likeOf(ledger)],
  );
  const bySeq = await pool.query<{ copies: number }>(
    `SELECT (count(*) - count(DISTINCT (store_id, device_id, seq)))::int AS copies FROM events
      WHERE payload->>'playId' LIKE $1`,
    [likeOf(ledger)],
  );
  let stored = 0;
  let doubledByPlay = 0;
  for (const row of byPlay.rows) {
    if (ledger.playIds.has(row.play)) stored++;
    doubledByPlay += row.n - 1;
  }
  const generated = ledger.playIds.size;
  return {
    generated,
    stored,
    lost: generated - stored,
    doubled: Math.max(doubledByPlay, bySeq.rows[0]!.copies),
  };
}
