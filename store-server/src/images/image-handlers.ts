// The product image route (shared/src/core/http/routes/catalogue.ts): one
// width, WebP to a browser that takes it and JPEG otherwise, cached by the
// devices for a day. Until the image is fetched, 404 with no-store, so a
// device shows its placeholder and asks again next time.
import type { catalogueRoutes } from '@vitrine/shared/core';
import { HttpError } from '../http/http-error';
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

export function catalogueHandlers(
  store: ImageStore,
  variants: ImageVariants,
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
      res.set({
        etag: `"${row.sha256}-${params.size}-${format}"`,
        vary: 'Accept',
        'cache-control': 'public, max-age=86400',
      });
      // If-None-Match against the ETag just set.
      if (req.fresh) {
        res.status(304).end();
        return;
      }
      const file = await variants.get(row.sha256, params.size, format);
      res.type(format === 'webp' ? 'image/webp' : 'image/jpeg');
      res.sendFile(file, { etag: false, lastModified: false, cacheControl: false });
    },
  };
}
