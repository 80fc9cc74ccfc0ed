// The catalogue: product images the store server fetched from the feeds' URLs
// and keeps itself, resized for each touchpoint (store-server/src/images/).
import { z } from 'zod';
import { routeUrl } from '../api-client';
import { anyone, route } from '../route';

/**
 * The widths the server makes: 160 (tiles, staff lists), 480 (the product
 * page's gallery, the mirror), 1080 (signage, the attract loop).
 */
export const IMAGE_WIDTHS = ['160', '480', '1080'] as const;
export const ImageWidth = z.enum(IMAGE_WIDTHS, { error: 'an image width: 160, 480 or 1080' });
export type ImageWidth = z.infer<typeof ImageWidth>;

/** An image's key: the first 128 bits of the SHA-256 of its source URL, in hex. */
export const ImageKey = z.string().regex(/^[0-9a-f]{32}$/, 'an image key (32 hex digits)');

export const catalogueRoutes = {
  image: route({
    method: 'GET',
    path: '/catalogue/images/:key/:size',
    summary:
      'A product image at one width, WebP or JPEG by Accept; 404 (no-store) until it is fetched',
    auth: anyone,
    params: z.object({ key: ImageKey, size: ImageWidth }),
    response: { raw: 'image/*' },
  }),
} as const;

/** Where a device loads an image at one width: `baseUrl` is the store server's origin ('' for the page's own). */
export function catalogueImageUrl(baseUrl: string, key: string, size: ImageWidth): string {
  return routeUrl(baseUrl, catalogueRoutes.image, { params: { key, size } });
}

/**
 * The demo's pictures, drawn by the store server from the product
 * (store-server/src/http/media-routes.ts): `<product>-<n>.svg`, and each
 * width as WebP (`<product>-<n>-160.webp`): a page of SVG tiles is drawn on
 * the page's main thread, a WebP is decoded off it.
 */
export const DRAWN_PICTURE = /^([a-z0-9-]{1,64})-([1-9])(?:\.svg|-(160|480|1080)\.webp)$/;
const DRAWN_PATH = '/media/products/';

function drawnPictureSrcSet(src: string): string | undefined {
  const at = src.lastIndexOf(DRAWN_PATH);
  if (at < 0) return undefined;
  const match = DRAWN_PICTURE.exec(src.slice(at + DRAWN_PATH.length));
  if (!match) return undefined;
  const base = `${src.slice(0, at + DRAWN_PATH.length)}${match[1]}-${match[2]}`;
  return IMAGE_WIDTHS.map((width) => `${base}-${width}.webp ${width}w`).join(', ');
}

/**
 * Every width of a catalogue image as a `srcset` ("… 160w, … 480w, … 1080w"),
 * when `src` is one (any width) or one of the demo's drawn pictures;
 * undefined for any other picture.
 */
export function catalogueImageSrcSet(src: string): string | undefined {
  const drawn = drawnPictureSrcSet(src);
  if (drawn) return drawn;
  const sample = catalogueImageUrl('', '0'.repeat(32), '160');
  const at = src.lastIndexOf(sample.slice(0, sample.indexOf('0'.repeat(32))));
  if (at < 0) return undefined;
  const base = src.slice(0, at);
  const [key, size] = src.slice(at).split('/').slice(-2);
  if (!ImageKey.safeParse(key).success || !ImageWidth.safeParse(size).success) return undefined;
  return IMAGE_WIDTHS.map((width) => `${catalogueImageUrl(base, key!, width)} ${width}w`).join(
    ', ',
  );
}
