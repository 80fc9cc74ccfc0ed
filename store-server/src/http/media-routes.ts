// Demo media: product images drawn as SVG on request (deterministic, cached by
// browsers for a day), each width also as WebP (a tile's SVG is drawn on the
// page's main thread, a WebP decoded off it), and the 3D models in assets/.
import { createHash } from 'node:crypto';
import express, { Router } from 'express';
import { LRUCache } from 'lru-cache';
import sharp from 'sharp';
import { DRAWN_PICTURE, type Product } from '@vitrine/shared/core';
import { renderProductImage } from '../demo/product-image';
import type { DocStore } from '../sync/doc-store';
import { HttpError } from '@vitrine/shared/node';

/** About 2,000 tiles' pictures (a few KB each at 160 px): a demo's every search stays warm. */
const RASTER_CACHE_BYTES = 32 * 1024 * 1024;

export function mediaRoutes(docs: DocStore, assetsDir: string): Router {
  const router = Router();
  const rasters = new LRUCache<string, Buffer>({
    maxSize: RASTER_CACHE_BYTES,
    sizeCalculation: (picture) => picture.length,
  });
  router.get('/media/products/:file', async (req, res) => {
    const match = DRAWN_PICTURE.exec(req.params.file);
    if (!match?.[1] || !match[2]) throw new HttpError(404, 'not_found', 'no such image');
    const product = docs.get<Product>('products', match[1]);
    if (!product) throw new HttpError(404, 'not_found', `no product ${match[1]}`);
    const svg = renderProductImage(product, Number(match[2]));
    res.set('cache-control', 'public, max-age=86400');
    const width = match[3];
    if (!width) return void res.type('image/svg+xml').send(svg);
    // Keyed by the drawing itself: a product renamed draws (and caches) a new picture.
    const key = `${width} ${createHash('sha256').update(svg).digest('base64url')}`;
    let picture = rasters.get(key);
    if (!picture) {
      picture = await sharp(Buffer.from(svg))
        .resize({ width: Number(width) })
        .webp()
        .toBuffer();
      rasters.set(key, picture);
    }
    res.type('image/webp').send(picture);
  });
  router.use('/assets', express.static(assetsDir, { maxAge: '1d', fallthrough: true }));
  return router;
}
