// A feed file → its bytes, gunzipped when they start with the gzip magic
// (1f 8b), whatever the file is called. The file's size is checked before a
// byte is read, and the decompressed size is counted as it streams so a small
// gzip bomb cannot fill the disk or the memory.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { PassThrough, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { FeedError } from './feed-error';

export type FeedLimits = {
  /** The file as received (compressed or not). */
  maxFileBytes: number;
  /** What the reader sees after gunzip. */
  maxTextBytes: number;
};

const GIB = 1024 ** 3;

/** 1 GiB received, as the upload route's limit; 2 GiB once unzipped (5M inventory lines ≈ 250 MB). */
export const FEED_LIMITS: FeedLimits = { maxFileBytes: GIB, maxTextBytes: 2 * GIB };

function formatBytes(bytes: number): string {
  if (bytes >= GIB) return `${(bytes / GIB).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${bytes} bytes`;
}

async function startsWithGzipMagic(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

function zlibProblem(error: NodeJS.ErrnoException): FeedError {
  if (error.code === 'Z_BUF_ERROR') {
    return new FeedError('the gzip file is truncated (unexpected end of file): send it again');
  }
  return new FeedError(`the gzip data is corrupt (${error.message})`);
}

/** The feed's bytes, in chunks. Throws FeedError for a file too big, not a file, or bad gzip. */
/** How far into the file (as received, before gunzip) the reader is: for a progress bar. */
export type FeedProgress = { bytesRead: number; totalBytes: number };

export async function* openFeed(
  path: string,
  limits = FEED_LIMITS,
  progress: FeedProgress = { bytesRead: 0, totalBytes: 0 },
): AsyncGenerator<Buffer> {
  const info = await stat(path);
  progress.totalBytes = info.size;
  if (!info.isFile()) throw new FeedError('not a file');
  if (info.size > limits.maxFileBytes) {
    throw new FeedError(
      `the file is ${formatBytes(info.size)}; a feed may be at most ${formatBytes(limits.maxFileBytes)}`,
    );
  }
  const gzipped = await startsWithGzipMagic(path);
  const out = new PassThrough();
  const file = createReadStream(path);
  let zlibError: NodeJS.ErrnoException | undefined;
  const gunzip = createGunzip().on('error', (error) => (zlibError = error));
  // pipeline destroys `out` with the first error, which ends the loop below.
  if (gzipped) pipeline(file, gunzip, out, () => undefined);
  else pipeline(file, out, () => undefined);
  let total = 0;
  try {
    for await (const chunk of out as AsyncIterable<Buffer>) {
      total += chunk.length;
      progress.bytesRead = file.bytesRead;
      if (total > limits.maxTextBytes) {
        throw new FeedError(
          `the feed unzips to more than ${formatBytes(limits.maxTextBytes)}: refused`,
        );
      }
      yield chunk;
    }
  } catch (error) {
    if (zlibError) throw zlibProblem(zlibError);
    throw error;
  } finally {
    out.destroy();
    file.destroy();
    // A reader that stops early (a refused feed, a cancelled import) leaves no open file.
    // Not events.once: it rejects on the 'error' the pipeline gave the file.
    if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
  }
}
