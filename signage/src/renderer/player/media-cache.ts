// Media the schedule needs, kept in Cache Storage under its SHA-256. A file
// may play only once its bytes hash to the name it was asked for: a corrupt,
// truncated or swapped file is refused, reported and fetched again later.
// Unused files are purged; a full disk (QuotaExceededError) is reported and
// what is already cached keeps playing.
import { apiRoutes, backoff, routeUrl, type Backoff, type MediaRef } from '@vitrine/shared/core';

const CACHE = 'vitrine-signage-media-v1';
/** A file that failed is tried again after 2–4 s, then waits growing to 2 min,
 * jittered so a store's screens do not all ask for it in the same second. */
const MEDIA_RETRY = { firstMs: 4_000, maxMs: 120_000, floorMs: 2_000 };

export type CacheState = { ready: number; missing: number; bytes: number };
type Failure = { waits: Backoff; retryAt: number };

const keyOf = (sha256: string) => `/vitrine-media/${sha256}`;

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export class MediaCache {
  private readonly ready = new Map<string, number>();
  private readonly failures = new Map<string, Failure>();
  private readonly urls = new Map<string, string>();
  private readonly inFlight = new Set<string>();
  private wanted: MediaRef[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly onFault: (kind: string, detail: string) => void,
    private readonly onChange: () => void,
  ) {}

  /** Loads what a previous run verified, so a restart offline plays at once. */
  async open(): Promise<void> {
    const cache = await caches.open(CACHE);
    for (const request of await cache.keys()) {
      const sha = new URL(request.url).pathname.split('/').pop() ?? '';
      const response = await cache.match(request);
      const size = Number(response?.headers.get('content-length') ?? 0);
      if (/^[0-9a-f]{64}$/.test(sha)) this.ready.set(sha, size);
    }
    this.onChange();
  }

  isReady(sha256: string): boolean {
    return this.ready.has(sha256);
  }

  state(): CacheState {
    let bytes = 0;
    for (const size of this.ready.values()) bytes += size;
    return {
      ready: this.wanted.filter((ref) => this.ready.has(ref.sha256)).length,
      missing: this.wanted.filter((ref) => !this.ready.has(ref.sha256)).length,
      bytes,
    };
  }

  /** The set the next days need: fetch what is missing, purge what is not needed. */
  async sync(wanted: MediaRef[]): Promise<void> {
    this.wanted = wanted;
    const keep = new Set(wanted.map((ref) => ref.sha256));
    const cache = await caches.open(CACHE);
    for (const sha of [...this.ready.keys()]) {
      if (keep.has(sha)) continue;
      await cache.delete(keyOf(sha));
      this.ready.delete(sha);
      const url = this.urls.get(sha);
      if (url) URL.revokeObjectURL(url);
      this.urls.delete(sha);
    }
    const now = Date.now();
    await Promise.all(
      wanted
        .filter((ref) => !this.ready.has(ref.sha256) && !this.inFlight.has(ref.sha256))
        .filter((ref) => (this.failures.get(ref.sha256)?.retryAt ?? 0) <= now)
        .map((ref) => this.download(cache, ref)),
    );
    this.onChange();
  }

  private async download(cache: Cache, ref: MediaRef): Promise<void> {
    this.inFlight.add(ref.sha256);
    try {
      const url = routeUrl(this.baseUrl, apiRoutes.campaigns.media, {
        params: { sha256: ref.sha256 },
      });
      const response = await fetch(url, { cache: 'no-store' });
      if (!response.ok) throw new Error(`media ${ref.sha256} answered ${response.status}`);
      const bytes = await response.arrayBuffer();
      const actual = await sha256Hex(bytes);
      if (actual !== ref.sha256 || bytes.byteLength !== ref.size) {
        this.onFault(
          'media-corrupt',
          `media ${ref.sha256}: got ${bytes.byteLength} bytes hashing to ${actual}; refused`,
        );
        throw new Error('corrupt media');
      }
      await cache.put(
        keyOf(ref.sha256),
        new Response(bytes, {
          headers: { 'content-type': ref.type, 'content-length': String(bytes.byteLength) },
        }),
      );
      this.ready.set(ref.sha256, bytes.byteLength);
      this.failures.delete(ref.sha256);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'QuotaExceededError') {
        this.onFault('storage-full', `no room to cache media ${ref.sha256} (${ref.size} bytes)`);
      }
      const waits = this.failures.get(ref.sha256)?.waits ?? backoff(MEDIA_RETRY);
      this.failures.set(ref.sha256, { waits, retryAt: Date.now() + waits.next() });
    } finally {
      this.inFlight.delete(ref.sha256);
    }
  }

  /** An object URL for a verified file (one per file, revoked when purged). */
  async objectUrl(sha256: string): Promise<string | undefined> {
    const existing = this.urls.get(sha256);
    if (existing) return existing;
    if (!this.ready.has(sha256)) return undefined;
    const response = await (await caches.open(CACHE)).match(keyOf(sha256));
    if (!response) {
      this.ready.delete(sha256); // evicted behind our back: fetch again
      return undefined;
    }
    const url = URL.createObjectURL(await response.blob());
    this.urls.set(sha256, url);
    return url;
  }
}
