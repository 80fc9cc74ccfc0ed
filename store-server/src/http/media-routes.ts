// Demo media: product images drawn as SVG on request (deterministic, cached by
// browsers for a day) and the 3D models shipped in assets/.
import express, { Router } from 'express';
import type { Product } from '@vitrine/shared/core';
import { renderProductImage } from '../demo/product-image';
import type { DocStore } from '../sync/doc-store';
import { HttpError } from './http-error';

export function mediaRoutes(docs: DocStore, assetsDir: string): Router {
  const router = Router();
  router.get('/media/products/:file', (req, res) => {
    const match = /^([a-z0-9-]{1,64})-([1-9])\.svg$/.exec(req.params.file);
    if (!match?.[1] || !match[2]) throw new HttpError(404, 'not_found', 'no such image');
    const product = docs.get<Product>('products', match[1]);
    if (!product) throw new HttpError(404, 'not_found', `no product ${match[1]}`);
    res
      .type('image/svg+xml')
      .set('cache-control', 'public, max-age=86400')
      .send(renderProductImage(product, Number(match[2])));
  });
  router.use('/assets', express.static(assetsDir, { maxAge: '1d', fallthrough: true }));
  return router;
}
