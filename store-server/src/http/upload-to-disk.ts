// Receives an upload straight into a temporary file, hashing it on the way and
// refusing it as soon as it passes its size cap: an upload is never held in
// memory whole, and a refused one leaves nothing behind.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import { closeAfterResponse, HttpError } from '@vitrine/shared/node';

/** Bytes kept from the start of the file, enough to tell its type by signature. */
const HEAD_BYTES = 64;

export type ReceivedUpload = {
  /** The temporary file: the caller renames or removes it. */
  file: string;
  sha256: string;
  size: number;
  head: Buffer;
};

export function receiveToDisk(
  req: Request,
  res: Response,
  options: { dir: string; limit: number; what: string },
): Promise<ReceivedUpload> {
  const file = join(options.dir, `.upload-${randomBytes(8).toString('hex')}.part`);
  const out = createWriteStream(file, { mode: 0o600 });
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let size = 0;
  return new Promise<ReceivedUpload>((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      req.unpipe(out);
      req.pause();
      // Removed once closed: an open still in flight would otherwise recreate it.
      out.once('close', () => rmSync(file, { force: true }));
      out.destroy();
      reject(error);
    };
    req.on('data', (chunk: Buffer) => {
      if (size < HEAD_BYTES) head.push(chunk.subarray(0, HEAD_BYTES - size));
      size += chunk.length;
      if (size > options.limit) {
        // The rest is never read: the connection ends after the answer.
        closeAfterResponse(res);
        fail(
          new HttpError(
            413,
            'payload_too_large',
            `${options.what} is limited to ${options.limit} bytes`,
          ),
        );
        return;
      }
      hash.update(chunk);
    });
    req.once('close', () => {
      if (!req.complete) fail(new HttpError(400, 'upload_aborted', 'the upload was cut off'));
    });
    req.once('error', fail);
    out.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        error.code === 'ENOSPC'
          ? new HttpError(507, 'insufficient_storage', "the store server's disk is full")
          : error,
      ),
    );
    out.once('finish', () => {
      if (settled) return;
      settled = true;
      resolve({ file, sha256: hash.digest('hex'), size, head: Buffer.concat(head) });
    });
    req.pipe(out);
  });
}
