// Downloads one image to a temporary file while hashing it: capped in time and
// size (the transfer is cut beyond the cap, never buffered whole), redirects
// followed by hand so each hop passes the address guard, and the type read
// from the bytes themselves. file: URLs are read only inside a given folder.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, realpathSync, rmSync, statSync } from 'node:fs';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { join, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { RefusedAddress, type AddressGuard } from './address-guard';
import { sniffImageType, type ImageType } from './sniff-image';

export type DownloadLimits = { timeoutMs: number; maxBytes: number; maxRedirects: number };
export const DOWNLOAD_LIMITS: DownloadLimits = {
  timeoutMs: 10_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
};

export type DownloadOptions = {
  guard: AddressGuard;
  /** Where the temporary file goes (the caller renames it into place). */
  dir: string;
  /** file: URLs are read only under this folder; without it they are refused. */
  localDir?: string;
  limits?: DownloadLimits;
  signal?: AbortSignal;
};

export type Downloaded = { file: string; sha256: string; size: number; type: ImageType };

/** A download that did not give an image, in words for the import report. */
class DownloadError extends Error {}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function downloadImage(href: string, options: DownloadOptions): Promise<Downloaded> {
  const limits = options.limits ?? DOWNLOAD_LIMITS;
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const url = new URL(href);
    const body =
      url.protocol === 'file:'
        ? openLocalFile(url, options.localDir, limits.maxBytes)
        : await openRemote(url, options.guard, limits, signal);
    return await keepBody(body, options.dir, limits.maxBytes, signal);
  } catch (error) {
    if (timeout.aborted)
      throw new DownloadError(`no complete answer within ${limits.timeoutMs} ms`);
    if (error instanceof DownloadError) throw error;
    if (error instanceof RefusedAddress) throw new DownloadError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    throw new DownloadError(`${code ? `${code}: ` : ''}${(error as Error).message}`);
  }
}

function openLocalFile(url: URL, localDir: string | undefined, maxBytes: number): Readable {
  if (!localDir)
    throw new DownloadError('file: URLs are read only by an import given an images folder');
  const root = realpathSync(localDir);
  let path: string;
  try {
    path = realpathSync(fileURLToPath(url));
  } catch {
    throw new DownloadError(`no such file: ${url.pathname}`);
  }
  // Resolved first: neither ../ nor a symbolic link leads out of the folder.
  if (!path.startsWith(root + sep))
    throw new DownloadError('the file is outside the images folder');
  if (statSync(path).size > maxBytes) throw tooLarge(maxBytes);
  return createReadStream(path);
}

/** The answer's body once it is a 2xx, following at most `maxRedirects` redirects. */
async function openRemote(
  first: URL,
  guard: AddressGuard,
  limits: DownloadLimits,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  let url = first;
  for (let hop = 0; ; hop++) {
    const response = await request(url, guard, signal);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECTS.has(status) && location) {
      response.resume();
      if (hop >= limits.maxRedirects) throw new DownloadError('too many redirects');
      url = new URL(location, url);
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new DownloadError(`a redirect to ${url.protocol} is not followed`);
      continue;
    }
    if (status < 200 || status > 299) {
      response.resume();
      throw new DownloadError(
        `${url.host} answered ${status} ${response.statusMessage ?? ''}`.trim(),
      );
    }
    const declared = Number(response.headers['content-length']);
    if (declared > limits.maxBytes) {
      response.destroy();
      throw tooLarge(limits.maxBytes);
    }
    return response;
  }
}

function request(url: URL, guard: AddressGuard, signal: AbortSignal): Promise<IncomingMessage> {
  const get = url.protocol === 'https:' ? httpsGet : httpGet;
  const lookup = guard.lookupFor(url);
  return new Promise((resolve, reject) => {
    const req = get(
      url,
      {
        signal,
        ...(lookup ? { lookup } : {}),
        headers: {
          accept: 'image/webp,image/png,image/jpeg,image/*;q=0.8',
          'user-agent': 'vitrine',
        },
      },
      resolve,
    );
    req.on('error', reject);
  });
}

/** Streams the body to a temporary file, hashing it; refuses it once it is too big or no image. */
async function keepBody(
  body: Readable,
  dir: string,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Downloaded> {
  const file = join(dir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  let type: ImageType | undefined;
  const check = (): ImageType => {
    const sniffed = sniffImageType(head);
    if ('problem' in sniffed) throw new DownloadError(sniffed.problem);
    return sniffed.type;
  };
  try {
    await pipeline(
      body,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          size += chunk.length;
          if (size > maxBytes) throw tooLarge(maxBytes);
          if (type === undefined && head.length < 1_024) {
            head = Buffer.concat([head, chunk]).subarray(0, 1_024);
            if (head.length >= 1_024) type = check();
          }
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(file),
      { signal },
    );
    if (size === 0) throw new DownloadError('the answer is empty');
    return { file, sha256: hash.digest('hex'), size, type: type ?? check() };
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  }
}

function tooLarge(maxBytes: number): DownloadError {
  return new DownloadError(`larger than ${maxBytes / 1024 / 1024} MB`);
}
