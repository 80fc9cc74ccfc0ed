// A background role (publisher, nats-config, partitions…) held by exactly one head-office
// process: a session advisory lock on a connection of its own. PostgreSQL releases it when that
// connection ends, so a process that dies, or loses its connection, hands the role over to the
// next one that tries (every few seconds).
import type { Pool, PoolClient } from 'pg';
import { LOCK_SPACE } from './advisory-locks';

const ROLE_RETRY_MS = 5_000;

export type RoleEvents = {
  onGain: () => void | Promise<void>;
  onLose: (reason: string) => void | Promise<void>;
  /** Errors of the callbacks, which must not stop the role's loop. */
  onError?: (error: unknown) => void;
  /** How often a process without the role tries again, and a holder checks its connection. */
  retryMs?: number;
};

export type RoleHolder = {
  name: string;
  held: () => boolean;
  /** Releases the role (its connection ends) and stops trying. */
  stop: () => Promise<void>;
};

export function holdRole(pool: Pool, name: string, events: RoleEvents): RoleHolder {
  const retryMs = events.retryMs ?? ROLE_RETRY_MS;
  let client: PoolClient | undefined;
  let held = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let attempt: Promise<void> = Promise.resolve();

  const report = (work: () => void | Promise<void>) =>
    Promise.resolve()
      .then(work)
      .catch((error: unknown) => events.onError?.(error));

  // The connection is destroyed, never returned to the pool: it may still hold the lock.
  const dropConnection = (reason: string) => {
    const lost = client;
    client = undefined;
    lost?.release(new Error(reason));
    if (held) {
      held = false;
      void report(() => events.onLose(reason));
    }
  };

  const tryOnce = async () => {
    if (stopped) return;
    try {
      if (!client) {
        const connected = await pool.connect();
        connected.on('error', (error) => {
          if (client === connected) dropConnection(`connection lost: ${error.message}`);
        });
        client = connected;
      }
      if (held) {
        await client.query('SELECT 1'); // still connected, so still ours
      } else {
        const result = await client.query<{ got: boolean }>(
          'SELECT pg_try_advisory_lock($1, hashtext($2)) AS got',
          [LOCK_SPACE.roles, name],
        );
        if (result.rows[0]?.got && !stopped) {
          held = true;
          await report(events.onGain);
        }
      }
    } catch (error) {
      dropConnection(`connection lost: ${(error as Error).message}`);
    }
  };

  const loop = () => {
    if (stopped) return;
    attempt = tryOnce().finally(() => {
      if (!stopped) timer = setTimeout(loop, retryMs);
    });
  };
  loop();

  return {
    name,
    held: () => held,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await attempt;
      dropConnection('stopped');
    },
  };
}
