// A campaign's media from head office's `media` bucket (16-plan §3.4), fetched through the store's
// own link connection before the campaign is held. Each file the store lacks is streamed into a
// temporary file beside the media files while it is hashed, and kept only if its size and SHA-256
// are the ones in the SIGNED campaign: the bucket is trusted for nothing, since every store can
// read it and head office's side of it may be wrong. A file that is not the signed one refuses the
// campaign; a file that cannot be had yet (no link, not in the bucket yet, the line cut) throws,
// so the message is not acknowledged and comes again.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { JetStreamClient } from '@nats-io/jetstream';
import { Objm, type ObjectResult } from '@nats-io/obj';
import { OBJECT_BUCKETS, type MediaRef, type Result } from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import type { MediaStore } from '../campaigns/media-store';
import type { CampaignMediaFetch } from './apply-campaign';

/** Who a fetched file is recorded as uploaded by, in the store's media library. */
const HEAD_OFFICE_UPLOADER = 'head-office';
/** The object's metadata must come within this. */
const INFO_DEADLINE_MS = 15_000;
/** A download that brings no byte for this long is given up (and tried again with the message). */
const STALL_MS = 30_000;

type Verdict = Result<void>;

export function linkMediaFetch(options: {
  media: MediaStore;
  /** The link's JetStream client, null while the store is not connected. */
  jetstream: () => JetStreamClient | null;
  log: Logger;
}): CampaignMediaFetch {
  const { media, log } = options;
  return async (refs) => {
    for (const ref of refs) {
      if (media.has(ref.sha256)) continue;
      const js = options.jetstream();
      if (!js) throw new Error(`media ${ref.sha256}: not connected to head office yet`);
      const started = Date.now();
      const verdict = await fetchOne(js, media, ref);
      if (!verdict.ok) return { ok: false, error: `media ${ref.sha256}: ${verdict.error}` };
      log.info(
        { sha256: ref.sha256, size: ref.size, ms: Date.now() - started },
        'head office link: media fetched',
      );
    }
    return { ok: true, value: undefined };
  };
}

async function fetchOne(js: JetStreamClient, media: MediaStore, ref: MediaRef): Promise<Verdict> {
  const bucket = await new Objm(js).open(OBJECT_BUCKETS.media.bucket, false);
  const getting = bucket.get(ref.sha256);
  const object = await withDeadline(getting, INFO_DEADLINE_MS, ref.sha256).catch((error) => {
    // An answer after the deadline would start a download nobody reads: stop it.
    void getting.then(
      (late) => late?.data.cancel(),
      () => undefined,
    );
    throw error;
  });
  if (!object) throw new Error(`media ${ref.sha256} is not in head office's bucket (yet)`);
  // Its outcome is read from the stream itself; unheard, a rejection would end the process.
  object.error.catch(() => undefined);
  if (object.info.size !== ref.size) {
    await object.data.cancel().catch(() => undefined);
    return mismatch(ref, `the bucket holds ${object.info.size} bytes`);
  }
  const file = join(media.uploadDir, `.link-${randomBytes(8).toString('hex')}.part`);
  try {
    const received = await download(object, file, ref.size);
    if (received.size !== ref.size) return mismatch(ref, `received ${received.size} bytes`);
    if (received.sha256 !== ref.sha256)
      return mismatch(ref, `received bytes whose SHA-256 is ${received.sha256}`);
    media.keepFile(file, ref, object.info.description || ref.sha256, HEAD_OFFICE_UPLOADER);
    return { ok: true, value: undefined };
  } finally {
    rmSync(file, { force: true });
  }
}

const mismatch = (ref: MediaRef, what: string): Verdict => ({
  ok: false,
  error: `not the signed file of ${ref.size} bytes: ${what}`,
});

/**
 * Streams the object into `file`, hashing it; stops reading once past `limit` bytes (that is
 * already not the signed file). The library's own check of the object against its metadata
 * fails the stream when the stored chunks are damaged: that, too, is reported as a mismatch.
 */
async function download(
  object: ObjectResult,
  file: string,
  limit: number,
): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  const out = createWriteStream(file, { mode: 0o600 });
  const reader = object.data.getReader();
  let size = 0;
  try {
    for (;;) {
      const chunk = await withDeadline(reader.read(), STALL_MS, 'the download stalled');
      if (chunk.done) break;
      size += chunk.value.length;
      if (size > limit) break;
      hash.update(chunk.value);
      await write(out, chunk.value);
    }
  } catch (error) {
    if (/corrupt object/.test(String(error))) return { size, sha256: 'of a damaged object' };
    throw error;
  } finally {
    await reader.cancel().catch(() => undefined);
    await new Promise((resolve) => out.end(resolve));
  }
  return { size, sha256: hash.digest('hex') };
}

function write(out: WriteStream, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) =>
    out.write(bytes, (error) => (error ? reject(error) : resolve())),
  );
}

function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
