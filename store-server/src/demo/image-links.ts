// The demo's pictures in its feeds. The server draws them (media-routes.ts,
// /media/products/<product>-<n>.svg) from the product itself, so they are not
// files to fetch: a feed names them under the store's own reserved origin
// (core/feed STORE_ORIGIN) and any store's import maps those links back to the
// drawn pictures instead of asking the image cache (docs/decisions/15-demo.md).
import { STORE_ORIGIN, storePathOf } from '@vitrine/shared/core';
import type { ImageService } from '../images/image-domain';

const DRAWN = /^\/media\/products\/([a-z0-9-]{1,64}-[1-9]\.svg)$/;
const KEY_PREFIX = 'demo:';

/** The feed link for a drawn demo picture, or undefined for any other src. */
export function demoImageLink(src: string): string | undefined {
  const file = DRAWN.exec(src)?.[1];
  return file === undefined ? undefined : `${STORE_ORIGIN}/media/products/${file}`;
}

function drawnFile(link: string): string | undefined {
  const path = storePathOf(link);
  return path === undefined ? undefined : DRAWN.exec(path)?.[1];
}

type ImageParts<W extends string> = {
  images: Pick<ImageService, 'keyOf' | 'want'>;
  imageUrl: (key: string, width: W) => string;
};

/** The import's image parts, with the demo's links taken as its drawn pictures. */
export function withDemoImages<W extends string>(parts: ImageParts<W>): ImageParts<W> {
  return {
    images: {
      keyOf: (url) => {
        const file = drawnFile(url);
        return file === undefined ? parts.images.keyOf(url) : { url, key: `${KEY_PREFIX}${file}` };
      },
      want: (urls) => parts.images.want(urls.filter((url) => drawnFile(url) === undefined)),
    },
    imageUrl: (key, width) =>
      key.startsWith(KEY_PREFIX)
        ? `/media/products/${key.slice(KEY_PREFIX.length)}`
        : parts.imageUrl(key, width),
  };
}
