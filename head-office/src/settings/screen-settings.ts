// Reading and replacing the screens' settings at head office. A replacement and its link message
// (HQ_CHAIN for the chain's, the store's own subject for a store's) commit together, so a store
// hears of every change, in order, and a fresh snapshot carries both as they stand.
import type { PoolClient } from 'pg';
import { HqSettings, type HqSettingsReply } from '@vitrine/shared/core';
import { HttpError } from '@vitrine/shared/node';
import type { Pool } from '../db/pool';
import { inTransaction } from '../db/transaction';
import { enqueue } from '../outbox/enqueue';

export type SettingsScope = { kind: 'chain' } | { kind: 'store'; storeId: string };

const keyOf = (scope: SettingsScope) =>
  scope.kind === 'chain' ? 'chain' : `store:${scope.storeId}`;
const nameOf = (scope: SettingsScope) => (scope.kind === 'chain' ? 'chain' : scope.storeId);

type Row = { body: unknown; updated_at: Date };

/** The settings of a scope as stored (empty when never set); `client` may be in a transaction. */
export async function settingsOf(
  client: Pick<PoolClient, 'query'>,
  scope: SettingsScope,
): Promise<HqSettingsReply> {
  const result = await client.query<Row>(
    'SELECT body, updated_at FROM screen_settings WHERE scope = $1',
    [keyOf(scope)],
  );
  const row = result.rows[0];
  return {
    scope: nameOf(scope),
    settings: row ? HqSettings.parse(row.body) : {},
    updatedAt: row ? row.updated_at.toISOString() : null,
  };
}

async function assertStoreExists(client: PoolClient, storeId: string): Promise<void> {
  const found = await client.query('SELECT 1 FROM stores WHERE id = $1', [storeId]);
  if (found.rowCount === 0)
    throw new HttpError(404, 'store_not_found', `no store ${storeId} at head office`);
}

export async function getSettings(pool: Pool, scope: SettingsScope): Promise<HqSettingsReply> {
  if (scope.kind === 'store') {
    const client = await pool.connect();
    try {
      await assertStoreExists(client, scope.storeId);
    } finally {
      client.release();
    }
  }
  return settingsOf(pool, scope);
}

/** Replaces the settings of a scope and queues them on the link, in one transaction. */
export function putSettings(
  pool: Pool,
  scope: SettingsScope,
  settings: HqSettings,
): Promise<HqSettingsReply> {
  return inTransaction(pool, async (client) => {
    if (scope.kind === 'store') await assertStoreExists(client, scope.storeId);
    await client.query(
      `INSERT INTO screen_settings (scope, body, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (scope) DO UPDATE SET body = excluded.body, updated_at = now()`,
      [keyOf(scope), JSON.stringify(settings)],
    );
    const message = { type: 'settings' as const, settings };
    await enqueue(client, [
      scope.kind === 'chain'
        ? { to: 'chain', messages: [message] }
        : { to: 'store', storeId: scope.storeId, messages: [message] },
    ]);
    return settingsOf(client, scope);
  });
}
