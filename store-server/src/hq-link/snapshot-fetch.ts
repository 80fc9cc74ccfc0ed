// The chain's part of a fresh snapshot, from head office's `snapshots` bucket (16-plan §3.4). The
// bucket is trusted for nothing (every store can read it): the bytes are used only if their size
// and SHA-256 are the ones the snapshot message, come through this store's own durable, names.
// Bytes that cannot be had yet (no link, the object missing, the line cut) throw, so the message
// is not acknowledged and comes again; bytes that are not the named ones refuse the snapshot.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { JetStreamClient } from '@nats-io/jetstream';
import { Objm } from '@nats-io/obj';
import {
  OBJECT_BUCKETS,
  parseSnapshotLines,
  type LinkDoc,
  type LinkObjectRef,
  type Result,
} from '@vitrine/shared/core';

/** The bytes of a snapshot object, or a throw when they cannot be had now. */
export type SnapshotFetch = (ref: LinkObjectRef) => Promise<Uint8Array>;

const DEADLINE_MS = 60_000;

export function linkSnapshotFetch(jetstream: () => JetStreamClient | null): SnapshotFetch {
  return async (ref) => {
    const js = jetstream();
    if (!js) throw new Error(`snapshot ${ref.name}: not connected to head office yet`);
    const bucket = await new Objm(js).open(OBJECT_BUCKETS.snapshots.bucket, false);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`snapshot ${ref.name}: no answer in ${DEADLINE_MS} ms`)),
        DEADLINE_MS,
      );
    });
    try {
      const bytes = await Promise.race([bucket.getBlob(ref.name), deadline]);
      if (!bytes) throw new Error(`snapshot ${ref.name} is not in head office's bucket (yet)`);
      return bytes;
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The snapshot's documents, if the bytes are the ones `ref` names and read as a snapshot. */
export function readChainSnapshot(ref: LinkObjectRef, bytes: Uint8Array): Result<LinkDoc[]> {
  if (bytes.length !== ref.size)
    return { ok: false, error: `snapshot ${ref.name}: ${bytes.length} bytes, not ${ref.size}` };
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== ref.sha256)
    return {
      ok: false,
      error: `snapshot ${ref.name}: its SHA-256 is ${sha256}, not ${ref.sha256}`,
    };
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch (error) {
    return { ok: false, error: `snapshot ${ref.name}: not gzip (${(error as Error).message})` };
  }
  return parseSnapshotLines(text);
}
