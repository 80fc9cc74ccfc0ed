// The handlers of head office's `media` routes: an upload streams into the link's media bucket
// (spooled and hashed by putMedia, never held whole in memory), its type read from its first
// bytes as the store reads it; the library is listed by SHA-256 after a cursor.
import type { Request, Response } from 'express';
import { jetstream } from '@nats-io/jetstream';
import type { ObjectStore } from '@nats-io/obj';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Pool } from 'pg';
import { HQ_MEDIA_PAGE, type MediaRef, type MediaType } from '@vitrine/shared/core';
import {
  closeAfterResponse,
  HttpError,
  MEDIA_SNIFF_BYTES,
  sniffMediaType,
  type Logger,
} from '@vitrine/shared/node';
import type { HqHandlers } from '../http/register-api';
import { JETSTREAM_TIMEOUT_MS } from '../link/connection';
import { ensureMediaBucket, MediaInputError, putMedia } from './media-bucket';
import { recordMedia } from './media-library';

/** The request's first bytes (enough to sniff) and the whole body as one stream again. */
async function peek(req: Request): Promise<{ head: Buffer; body: AsyncIterable<Uint8Array> }> {
  const chunks = req[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const taken: Buffer[] = [];
  let size = 0;
  while (size < MEDIA_SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    taken.push(next.value);
    size += next.value.length;
  }
  async function* body() {
    yield* taken;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  return { head: Buffer.concat(taken).subarray(0, MEDIA_SNIFF_BYTES), body: body() };
}

async function receiveMedia(
  req: Request,
  res: Response,
  bucket: () => Promise<ObjectStore>,
  name: string,
): Promise<MediaRef & { name: string }> {
  const { head, body } = await peek(req);
  if (head.length === 0) throw new HttpError(400, 'empty_media', 'the uploaded file is empty');
  const type = sniffMediaType(head);
  if (!type) {
    closeAfterResponse(res); // the rest is never read
    throw new HttpError(
      415,
      'unsupported_media',
      'only PNG, JPEG, WebP images and MP4, WebM videos are accepted',
    );
  }
  const declared = req.header('content-type')?.split(';')[0]?.trim();
  if (declared && declared !== 'application/octet-stream' && declared !== type) {
    closeAfterResponse(res);
    throw new HttpError(415, 'media_type_mismatch', `the file is ${type}, not ${declared}`);
  }
  try {
    const ref = await putMedia(await bucket(), body, { type, name });
    return { ...ref, name };
  } catch (error) {
    if (!(error instanceof MediaInputError)) throw error;
    closeAfterResponse(res);
    const tooLarge = error.kind === 'too-large';
    throw new HttpError(
      tooLarge ? 413 : 400,
      tooLarge ? 'payload_too_large' : 'invalid_media',
      error.message,
    );
  }
}

type Row = { sha256: string; type: string; size: string; name: string; uploaded_at: Date };

async function listMedia(pool: Pool, after: string | undefined) {
  const result = await pool.query<Row>(
    `SELECT sha256, type, size, name, uploaded_at FROM media
      WHERE $1::text IS NULL OR sha256 > $1 ORDER BY sha256 LIMIT $2`,
    [after ?? null, HQ_MEDIA_PAGE],
  );
  const media = result.rows.map((row) => ({
    sha256: row.sha256,
    type: row.type as MediaType,
    size: Number(row.size),
    name: row.name,
    uploadedAt: row.uploaded_at.toISOString(),
  }));
  return { media, next: media.length === HQ_MEDIA_PAGE ? (media.at(-1)?.sha256 ?? null) : null };
}

export function mediaHandlers(deps: {
  pool: Pool;
  log: Logger;
  nats: () => NatsConnection | undefined;
  /** The media bucket's replicas: the cluster's size, at most 3. */
  replicas: number;
}): HqHandlers['media'] {
  const { pool, log } = deps;
  let bucket: Promise<ObjectStore> | undefined;
  const openBucket = (nc: NatsConnection) => {
    const js = jetstream(nc, { timeout: JETSTREAM_TIMEOUT_MS });
    bucket ??= ensureMediaBucket(js, deps.replicas).catch((error: unknown) => {
      bucket = undefined; // tried again by the next upload
      throw error;
    });
    return bucket;
  };
  return {
    upload: async ({ req, res, query }) => {
      const nc = deps.nats();
      if (!nc)
        throw new HttpError(
          503,
          'link_unavailable',
          'the NATS link is not up yet; try again shortly',
        );
      const received = await receiveMedia(req, res, () => openBucket(nc), query.name);
      // Recorded only once the object is in the bucket: a row never names a missing file.
      const entry = await recordMedia(pool, received);
      log.info({ sha256: entry.sha256, type: entry.type, size: entry.size }, 'media uploaded');
      return { ...entry, uploadedAt: entry.uploadedAt.toISOString() };
    },
    list: ({ query }) => listMedia(pool, query.after),
  };
}
