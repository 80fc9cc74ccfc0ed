// The publisher's wake-up call: a connection of its own that LISTENs for the outbox's inserts
// (the trigger NOTIFYs at commit). A lost connection is noticed and opened again by the caller;
// meanwhile the publisher's slow poll finds the rows anyway.
import type { Pool, PoolClient } from 'pg';
import type { Logger } from '@vitrine/shared/node';
import { OUTBOX_CHANNEL } from './schema';

export type OutboxListener = {
  /** The connection dropped: close it and listen again. */
  readonly lost: boolean;
  close: () => void;
};

/** Calls `wake` on every committed insert; null while no connection can be had. */
export async function listenForInserts(
  pool: Pool,
  wake: () => void,
  log: Logger,
): Promise<OutboxListener | null> {
  let client: PoolClient | undefined;
  try {
    client = await pool.connect();
    let lost = false;
    client.on('notification', wake);
    client.on('error', () => {
      lost = true;
      wake(); // look now: a notification may have been missed
    });
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    const connection = client;
    return {
      get lost() {
        return lost;
      },
      // Destroyed, not returned: a pooled connection must not keep LISTENing.
      close: () => connection.release(new Error('listener closed')),
    };
  } catch (error) {
    client?.release(error as Error);
    log.warn({ err: (error as Error).message }, 'link outbox: cannot LISTEN, polling only');
    return null;
  }
}
