// The `nats-config` role: the one head-office process that holds it renders the users file
// from PostgreSQL (HQ + every active store's live keys and neighbours), replaces it at once and
// asks the cluster to reload. It renders again after each change this process makes, when
// another process says it made one (NOTIFY), and every few seconds in case a word was lost.
import type { Pool, PoolClient } from 'pg';
import type { Logger } from '@vitrine/shared/node';
import { holdRole, type RoleHolder } from '../db/roles';
import { renderUsersFile, writeUsersFile, type UsersFileInput } from './nats-users';

const NATS_CONFIG_ROLE = 'nats-config';
const RESYNC_MS = 5_000;
const CHANNEL = 'vt_nats_config';

export type NatsConfigOptions = {
  usersFile: string;
  hqPublicKey: string;
  /** Makes every node re-read the users file; resolves once they have. */
  reload: () => Promise<void>;
  log: Logger;
  resyncMs?: number;
};

export type NatsConfig = {
  role: RoleHolder;
  /**
   * After a change of keys, neighbours or status: the file is rendered again, at once if this
   * process holds the role (resolving once the nodes reloaded), else by the holder on its NOTIFY.
   */
  changed: () => Promise<void>;
  stop: () => Promise<void>;
};

/** Tells the role's holder, in whichever process, that stores or keys changed. */
export async function announceStoresChanged(pool: Pool): Promise<void> {
  await pool.query(`SELECT pg_notify('${CHANNEL}', '')`);
}

async function usersFileInput(pool: Pool, hqPublicKey: string): Promise<UsersFileInput> {
  const result = await pool.query<{ id: string; keys: string[]; neighbours: string[] }>(
    `SELECT s.id,
            coalesce((SELECT array_agg(k.public_key ORDER BY k.created_at, k.public_key)
                        FROM store_keys k WHERE k.store_id = s.id AND k.retired_at IS NULL), '{}') AS keys,
            coalesce((SELECT array_agg(n.neighbour_id ORDER BY n.rank)
                        FROM store_neighbours n WHERE n.store_id = s.id), '{}') AS neighbours
       FROM stores s WHERE s.status = 'active' ORDER BY s.id`,
  );
  return {
    hqPublicKey,
    stores: result.rows
      .filter((row) => row.keys.length > 0)
      .map((row) => ({ storeId: row.id, publicKeys: row.keys, neighbours: row.neighbours })),
  };
}

export function startNatsConfig(pool: Pool, options: NatsConfigOptions): NatsConfig {
  const { log } = options;
  let written: string | undefined;
  let queue: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let listener: PoolClient | undefined;

  const syncNow = async () => {
    const text = renderUsersFile(await usersFileInput(pool, options.hqPublicKey));
    if (text === written) return;
    const started = performance.now();
    await writeUsersFile(options.usersFile, text);
    await options.reload();
    written = text;
    log.info(
      { ms: Math.round(performance.now() - started) },
      'nats users file written and reloaded',
    );
  };
  // One render at a time, in order: the last one always reads the latest rows.
  const sync = () => {
    const next = queue.then(syncNow);
    queue = next.catch((error: unknown) =>
      log.error({ err: (error as Error).message }, 'nats users file: could not render or reload'),
    );
    return next;
  };
  const schedule = () => {
    timer = setTimeout(() => {
      void sync()
        .catch(() => undefined)
        .finally(() => {
          if (role.held()) schedule();
        });
    }, options.resyncMs ?? RESYNC_MS);
  };

  const stopListening = () => {
    listener?.release(true); // a LISTENing connection is never handed to anyone else
    listener = undefined;
  };
  // Changes made by the other head-office processes, as they happen.
  const listen = async () => {
    const client = await pool.connect();
    client.on('error', () => undefined); // the periodic resync covers a lost listener
    client.on('notification', () => void sync().catch(() => undefined));
    await client.query(`LISTEN ${CHANNEL}`);
    listener = client;
  };

  const role = holdRole(pool, NATS_CONFIG_ROLE, {
    onGain: async () => {
      log.info({ role: NATS_CONFIG_ROLE }, 'role gained');
      written = undefined; // another process may have written it meanwhile
      schedule();
      await listen().catch((error: unknown) =>
        log.warn({ err: (error as Error).message }, 'nats users file: not listening for changes'),
      );
      await sync().catch(() => undefined); // logged; the next resync tries again
    },
    onLose: (reason) => {
      clearTimeout(timer);
      stopListening();
      log.warn({ role: NATS_CONFIG_ROLE, reason }, 'role lost');
    },
    onError: (error) => log.error({ role: NATS_CONFIG_ROLE, err: error }, 'role callback failed'),
  });

  return {
    role,
    changed: async () => {
      if (role.held()) await sync();
      else await announceStoresChanged(pool);
    },
    stop: async () => {
      clearTimeout(timer);
      await role.stop();
      clearTimeout(timer);
      stopListening();
      await queue;
    },
  };
}
