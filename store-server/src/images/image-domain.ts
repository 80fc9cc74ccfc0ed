// Composes the image cache for server.ts: the table of wanted images, the
// background fetcher, the sizes made with sharp, and the route that serves them.
import type { catalogueRoutes } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import type { Handlers } from '../http/register-routes';
import { AddressGuard } from './address-guard';
import { ImageFetcher, type FetcherOptions } from './image-fetcher';
import { catalogueHandlers } from './image-handlers';
import { ImageStore, type ImageFailure, type ImageState, type WantedImage } from './image-store';
import { ImageVariants } from './image-variants';

/** What the importer (and the operators' reports) use. */
export type ImageService = {
  /** Asks for these URLs (idempotent): each one's key, or why it is refused. */
  want: (urls: readonly string[]) => WantedImage[];
  /** The key `want` would give a URL, or why it would refuse it; asks for nothing. */
  keyOf: (url: string) => WantedImage;
  failures: (limit?: number) => ImageFailure[];
  counts: () => Record<ImageState, number>;
};

export type ImageCache = {
  service: ImageService;
  handlers: Handlers<typeof catalogueRoutes>;
  stop: () => Promise<void>;
};

export function startImageCache(
  options: {
    db: Db;
    dataDir: string;
    /** Hosts (or host:port) on the store's own network that images may come from. */
    imageHosts?: readonly string[];
  } & Omit<FetcherOptions, 'guard'>,
): ImageCache {
  const store = new ImageStore(options.db, options.dataDir, options.localDir !== undefined);
  const variants = new ImageVariants(store);
  const fetcher = new ImageFetcher(store, variants, {
    ...options,
    guard: new AddressGuard(options.imageHosts),
  });
  fetcher.poke();
  return {
    service: {
      want: (urls) => {
        const wanted = store.want(urls);
        fetcher.poke();
        return wanted;
      },
      keyOf: (url) => store.keyOf(url),
      failures: (limit) => store.failures(limit),
      counts: () => store.counts(),
    },
    handlers: catalogueHandlers(store, variants, (key, why) => {
      // The kept original went missing or unreadable (a disk restored, a file removed): fetch again.
      store.markFailed(key, why, 0);
      fetcher.poke();
    }),
    stop: () => fetcher.stop(),
  };
}
