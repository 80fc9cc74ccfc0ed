// `hq-link.json`: how a store enrolled at head office reaches it. Written by enrolment
// (`npm run hq-enrol`), read at start with `--hq-link <file>`. The nkey seed is a file of its
// own beside it (0600), created at the store, so the secret never travelled.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { CurrencyCode, parseJson, TimeZone, TrustAnchor } from '@vitrine/shared/core';

const SubjectToken = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ or -');

export const HqLinkFile = z.object({
  v: z.literal(1),
  storeId: SubjectToken,
  /** The cluster's client URLs, e.g. nats://hq-1.example:4222. */
  natsUrls: z.array(z.string().regex(/^(nats|tls):\/\/\S+$/, 'a nats:// or tls:// URL')).min(1),
  /** The file holding this store's nkey seed; relative to this file. */
  seedFile: z.string().min(1),
  /** Head office's signing key: campaigns and catalogue snapshots are checked against it. */
  trustAnchor: TrustAnchor,
  /** Head office's HTTP base, for people (links in refusals, the console). */
  hqUrl: z.url().optional(),
  /** The store as head office keeps it: the store server runs with this time zone and currency. */
  store: z.object({ timeZone: TimeZone, currency: CurrencyCode }).partial().optional(),
});
export type HqLinkFile = z.infer<typeof HqLinkFile>;

export type HqLink = HqLinkFile & { seed: () => Uint8Array; path: string };

export class HqLinkFileError extends Error {
  override name = 'HqLinkFileError';
}

/** Reads and checks the link file and that its seed file exists; the seed is re-read on use. */
export function readHqLink(path: string): HqLink {
  if (!existsSync(path)) throw new HqLinkFileError(`--hq-link: no file at ${path}`);
  const parsed = parseJson(HqLinkFile, readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new HqLinkFileError(`--hq-link ${path}: ${parsed.error}`);
  const link = parsed.value;
  const seedPath = isAbsolute(link.seedFile)
    ? link.seedFile
    : resolve(dirname(path), link.seedFile);
  if (!existsSync(seedPath))
    throw new HqLinkFileError(`--hq-link ${path}: no nkey seed at ${seedPath}`);
  // Re-read at each (re)connection: a rotation replaces the file, not the process.
  const seed = () => new TextEncoder().encode(readFileSync(seedPath, 'utf8').trim());
  return { ...link, seed, path };
}
