// Campaign media in the link's object store `media` (16-plan §3.1, §3.4): every file is kept under
// its hex SHA-256, which is also what a signed campaign names, so a store can fetch exactly the
// bytes head office signed for and check them against the signature, not against the bucket.
// The type is the caller's: an upload route should read it from the bytes, as the store's does.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { JetStreamClient } from '@nats-io/jetstream';
import { StorageType, type ObjectStore } from '@nats-io/obj';
import { MAX_MEDIA_BYTES, MediaRef, MediaType, OBJECT_BUCKETS } from '@vitrine/shared/core';
import { createObjectBucket } from '../link/object-bucket';

/** The bucket's replicas: like every link stream, it survives the loss of one node of three. */
const MEDIA_REPLICAS = 3;

/**
 * Creates the bucket if it is missing, opens it otherwise (several HQ processes may race).
 * `replicas` follows the cluster's size (a single test node takes 1).
 */
export function ensureMediaBucket(
  js: JetStreamClient,
  replicas: number = MEDIA_REPLICAS,
): Promise<ObjectStore> {
  return createObjectBucket(js, OBJECT_BUCKETS.media.bucket, {
    replicas,
    storage: StorageType.File,
    description: 'campaign media, object name = hex SHA-256',
  });
}

export class MediaInputError extends Error {
  constructor(
    message: string,
    /** An upload route answers `too-large` with 413, the rest with 400. */
    readonly kind: 'too-large' | 'invalid' = 'invalid',
  ) {
    super(message);
    this.name = 'MediaInputError';
  }
}

export type MediaBytes = Uint8Array | AsyncIterable<Uint8Array>;

/**
 * Puts a media file in the bucket under its SHA-256 and returns the reference a campaign's
 * playlist item carries, exactly (an extra field would change the signed payload). An object
 * already under that name is kept when its digest says it is this file, so uploading a file twice
 * stores it once; one that is not (damaged, or put there by hand) is replaced, or every store
 * would refuse the campaigns naming it.
 */
export async function putMedia(
  bucket: ObjectStore,
  bytes: MediaBytes,
  meta: { type: string; name: string },
): Promise<MediaRef> {
  const type = MediaType.safeParse(meta.type);
  if (!type.success) throw new MediaInputError(`media type ${meta.type} is not one screens play`);
  const spooled = bytes instanceof Uint8Array ? undefined : await spool(bytes);
  try {
    const content = spooled ?? {
      sha256: sha256Hex(bytes as Uint8Array),
      size: (bytes as Uint8Array).length,
    };
    if (content.size === 0) throw new MediaInputError('the media file is empty');
    if (content.size > MAX_MEDIA_BYTES) throw tooLarge();
    const ref = MediaRef.parse({ sha256: content.sha256, type: type.data, size: content.size });
    const held = await bucket.info(ref.sha256);
    const same = held && !held.deleted && held.size === ref.size && held.digest === digestOf(ref);
    if (!same) {
      const data = spooled
        ? (Readable.toWeb(createReadStream(spooled.file)) as ReadableStream<Uint8Array>)
        : oneChunk(bytes as Uint8Array);
      await bucket.put({ name: ref.sha256, description: meta.name.slice(0, 200) }, data);
    }
    return ref;
  } finally {
    if (spooled) rmSync(spooled.file, { force: true });
  }
}

const tooLarge = () =>
  new MediaInputError(`media files are limited to ${MAX_MEDIA_BYTES} bytes`, 'too-large');

/** The object store's own digest of a file (base64url with padding, as @nats-io/obj writes it). */
const digestOf = (ref: MediaRef) =>
  `SHA-256=${Buffer.from(ref.sha256, 'hex').toString('base64url').padEnd(44, '=')}`;

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function oneChunk(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** A stream's bytes to a temporary file, hashed on the way: the name must be known before the put. */
async function spool(
  source: AsyncIterable<Uint8Array>,
): Promise<{ file: string; sha256: string; size: number }> {
  const file = join(tmpdir(), `vitrine-media-${randomBytes(8).toString('hex')}.part`);
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Uint8Array>) {
        for await (const chunk of chunks) {
          size += chunk.length;
          if (size > MAX_MEDIA_BYTES) throw tooLarge();
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(file, { mode: 0o600 }),
    );
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  }
  return { file, sha256: hash.digest('hex'), size };
}
