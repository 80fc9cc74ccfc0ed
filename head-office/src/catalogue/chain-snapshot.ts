// The chain's catalogue as of one chain revision, in the `snapshots` bucket (16-plan §3.4 "Fresh
// snapshot"): read under the chain head's lock once every chain message is numbered, so the
// documents are exactly those of revision R (an import writes its documents and its delta in one
// transaction under that lock). One object per revision, reused while the chain does not move.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import type { JetStreamClient } from '@nats-io/jetstream';
import { StorageType, type ObjectStore } from '@nats-io/obj';
import {
  chainSnapshotName,
  linkHeadKey,
  nanos,
  OBJECT_BUCKETS,
  type LinkObjectRef,
} from '@vitrine/shared/core';
import { LOCK_SPACE } from '../db/advisory-locks';
import { createObjectBucket } from '../link/object-bucket';
import type { Pool } from '../db/pool';
import { inTransaction } from '../db/transaction';

export type ChainSnapshot = { chainRev: number; object: LinkObjectRef; docs: number };

const CHAIN = linkHeadKey('chain');
/** How long to wait for the publisher to number the chain's last messages. */
const NUMBERED_WITHIN_MS = 30_000;

export function ensureSnapshotBucket(js: JetStreamClient, replicas: number): Promise<ObjectStore> {
  return createObjectBucket(js, OBJECT_BUCKETS.snapshots.bucket, {
    replicas,
    storage: StorageType.File,
    ttl: nanos(OBJECT_BUCKETS.snapshots.ttlMs),
    description: 'chain catalogue snapshots, one per chain revision (never per-store data)',
  });
}

/** The chain's revision and its documents as NDJSON text, or null while a message is unnumbered. */
async function readChain(
  pool: Pool,
): Promise<{ chainRev: number; text: string; docs: number } | null> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      LOCK_SPACE.outboxHeads,
      CHAIN,
    ]);
    const open = await client.query(
      'SELECT 1 FROM link_outbox WHERE head = $1 AND rev IS NULL LIMIT 1',
      [CHAIN],
    );
    if (open.rows.length > 0) return null;
    const head = await client.query<{ rev: string }>('SELECT rev FROM link_heads WHERE key = $1', [
      CHAIN,
    ]);
    const docs = await client.query<{ collection: string; id: string; body: string }>(
      'SELECT collection, id, body FROM catalogue_docs ORDER BY collection, id',
    );
    // Each line a LinkDoc; the stored text is spliced in as it is.
    const text = docs.rows
      .map(
        (row) =>
          `{"c":${JSON.stringify(row.collection)},"id":${JSON.stringify(row.id)},"body":${row.body}}\n`,
      )
      .join('');
    return { chainRev: Number(head.rows[0]?.rev ?? 0), text, docs: docs.rows.length };
  });
}

const digestOf = (sha256: string) =>
  `SHA-256=${Buffer.from(sha256, 'hex').toString('base64url').padEnd(44, '=')}`;

/** Builds (or finds) the snapshot of the chain as it is now. */
export async function chainSnapshotNow(pool: Pool, bucket: ObjectStore): Promise<ChainSnapshot> {
  const deadline = Date.now() + NUMBERED_WITHIN_MS;
  let chain = await readChain(pool);
  while (!chain) {
    if (Date.now() > deadline)
      throw new Error('the chain has messages the publisher has not numbered: is it running?');
    await sleep(200);
    chain = await readChain(pool);
  }
  const gz = gzipSync(chain.text);
  const object: LinkObjectRef = {
    bucket: 'snapshots',
    name: chainSnapshotName(chain.chainRev),
    size: gz.length,
    sha256: createHash('sha256').update(gz).digest('hex'),
  };
  const held = await bucket.info(object.name);
  if (!held || held.deleted || held.size !== object.size || held.digest !== digestOf(object.sha256))
    await bucket.putBlob({ name: object.name }, gz);
  return { chainRev: chain.chainRev, object, docs: chain.docs };
}
