// The product image route (shared/src/core/http/routes/catalogue.ts): one
// width, WebP to a browser that takes it and JPEG otherwise, cached by the
// devices for a day. Until the image is fetched, 404 with no-store, so a
// device shows its placeholder and asks again next time.
import type { catalogueRoutes } from '@vitrine/shared/core';
import { HttpError } from '@vitrine/shared/node';
import type { Handlers } from '../http/register-routes';
import type { ImageStore } from './image-store';
import type { ImageFormat, ImageVariants } from './image-variants';

/** WebP when Accept names it (with a q above 0), else JPEG, which every client shows. */
function preferredFormat(accept: string | undefined): ImageFormat {
  for (const part of (accept ?? '').toLowerCase().split(',')) {
    const [type, ...parameters] = part.split(';').map((piece) => piece.trim());
    if (type !== 'image/webp') continue;
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    return q && Number(q.slice(2)) === 0 ? 'jpeg' : 'webp';
  }
  return 'jpeg';
}

/**
 * If-None-Match names this tag. Read here rather than by Express's req.fresh,
 * which ignores it when the request says no-cache, as fetch() does whenever
 * it is given If-None-Match.
 */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

export function catalogueHandlers(
  store: ImageStore,
  variants: ImageVariants,
  fetchAgain: (key: string, why: string) => void,
): Handlers<typeof catalogueRoutes> {
  return {
    image: async ({ params, req, res }) => {
      const row = store.find(params.key);
      if (row?.state !== 'ready' || !row.sha256) {
        res.set('cache-control', 'no-store');
        const why = !row
          ? 'no such image'
          : row.state === 'failed'
            ? 'the image could not be fetched yet'
            : 'the image is being fetched';
        throw new HttpError(404, 'image_not_ready', why);
      }
      const format = preferredFormat(req.header('accept'));
      const etag = `"${row.sha256}-${params.size}-${format}"`;
      res.set({
        etag,
        vary: 'Accept',
        'cache-control': 'public, max-age=86400',
      });
      if (matches(req.header('if-none-match'), etag)) {
        res.status(304).end();
        return;
      }
      let file: string;
      try {
        file = await variants.get(row.sha256, params.size, format);
      } catch (error) {
        fetchAgain(params.key, (error as Error).message);
        res.set('cache-control', 'no-store');
        res.removeHeader('etag');
        throw new HttpError(404, 'image_not_ready', 'the image is being fetched again');
      }
      res.type(format === 'webp' ? 'image/webp' : 'image/jpeg');
      res.sendFile(file, { etag: false, lastModified: false, cacheControl: false });
    },
  };
}
