// Helpers for the mirror's browser tests: demo garments with and without a
// brand size chart, raw uploads with the mirror's credential, what the
// browser keeps (IndexedDB, Cache Storage), and reading the QR code shown.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { apiRoutes, routeUrl } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { loadZxingWasmInNode } from '../../shared/src/scan/node/load-wasm';
import { decodeRgbaWasm } from '../../shared/src/scan/zxing-wasm-decode';

/** expect.poll with room for a loaded shared machine (default 10 s instead of 1 s). */
export function eventually<T>(check: () => T | Promise<T>, options: { timeout?: number } = {}) {
  return expect.poll(check, { timeout: 10_000, ...options });
}

export type Garment = {
  id: string;
  brand: string;
  nameFr: string;
  variantGtin: string;
  variantCount: number;
  /** Another of its variants (the second), to ask staff for. */
  otherId: string;
  otherGtin: string;
  otherSize: string;
  otherColour: string;
};

/** A multi-size fashion product with stock here whose brand has (or has not) a size chart. */
export function demoGarment(server: StoreServer, withChart: boolean): Garment {
  const row = server.db
    .prepare(
      `SELECT p.id, json_extract(p.body, '$.brand') AS brand, json_extract(p.body, '$.name.fr') AS nameFr,
              json_extract(p.body, '$.variants[0].gtin') AS variantGtin,
              json_array_length(p.body, '$.variants') AS variantCount,
              json_extract(p.body, '$.variants[1].id') AS otherId,
              json_extract(p.body, '$.variants[1].gtin') AS otherGtin,
              json_extract(p.body, '$.variants[1].size') AS otherSize,
              json_extract(p.body, '$.variants[1].colour') AS otherColour
       FROM sync_docs p JOIN sync_docs s ON s.collection = 'stock' AND s.id = p.id
       WHERE p.collection = 'products' AND json_extract(p.body, '$.department') = 'fashion'
         AND json_extract(p.body, '$.sizeSystem') IN ('letters', 'fr-clothing')
         AND json_array_length(p.body, '$.variants') > 1 AND s.body LIKE ?
         AND ${withChart ? '' : 'NOT'} EXISTS (SELECT 1 FROM size_charts c WHERE c.brand = json_extract(p.body, '$.brand'))
       ORDER BY p.id LIMIT 1`,
    )
    .get(`%"locationId":"${server.config.storeId}"%`) as Garment | undefined;
  if (!row) throw new Error(`no demo garment ${withChart ? 'with' : 'without'} a size chart`);
  return row;
}

/** Chooses a size and a colour in the variant picker, as a shopper taps them. */
export async function chooseVariant(page: Page, size: string, colour: string) {
  for (const [axis, value] of [
    ['size', size],
    ['colour', colour],
  ] as const) {
    const chip = page.locator(`[data-axis="${axis}"] button[data-value="${value}"]`);
    await chip.click();
    await expect.poll(() => chip.getAttribute('aria-pressed')).toBe('true');
  }
}

export function deviceAuth(server: StoreServer, app: 'mirror' | 'kiosk'): string {
  const device = server.demoDevices?.get(app);
  if (!device) throw new Error(`no demo ${app}`);
  return `Bearer ${device.deviceId}.${device.secret}`;
}

export async function uploadLook(
  server: StoreServer,
  body: Uint8Array,
  type: string,
  authorization: string,
  products = '',
): Promise<{ status: number; body: unknown }> {
  // Raw, not the typed client: the tests send what the server must refuse, and read its status.
  const url = routeUrl(server.url, apiRoutes.looks.share, { query: { products } });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': type, authorization },
    body: Buffer.from(body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** An image made by the browser's own encoder (canvas), `width`×`height`. */
export async function browserImage(
  page: Page,
  width: number,
  height: number,
  type: 'image/jpeg' | 'image/png',
) {
  const bytes = await page.evaluate(
    async ([w, h, t]) => {
      const canvas = new OffscreenCanvas(w, h);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no canvas');
      context.fillStyle = '#c96';
      context.fillRect(0, 0, w, h);
      const blob = await canvas.convertToBlob({ type: t });
      return Array.from(new Uint8Array(await blob.arrayBuffer()));
    },
    [width, height, type] as const,
  );
  return Uint8Array.from(bytes);
}

/** Everything the page's origin keeps in IndexedDB and Cache Storage, as text. */
export async function storedByBrowser(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [`caches:${(await caches.keys()).join(',')}`];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(String(request.error)));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(new Error(String(request.error)));
        });
        parts.push(
          `${store}:${JSON.stringify(rows, (_key, value: unknown) => (value instanceof Blob ? `BLOB(${value.type})` : value))}`,
        );
      }
      db.close();
    }
    return parts.join('\n');
  });
}

/** Reads the QR code the mirror shows, from its pixels. */
export async function readQr(page: Page): Promise<string | undefined> {
  const frame = await page.getByTestId('share-qr').evaluate(async (img: HTMLImageElement) => {
    // Visible is not decoded: on a busy machine the data URL may still be decoding.
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas');
    context.drawImage(img, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, rgba: Array.from(data.data) };
  });
  // The devices' own default decoder (zxing-js missed about 1 in 15 of these
  // clean codes unless told the image is nothing but the code).
  await loadZxingWasmInNode();
  const read = await decodeRgbaWasm(
    { data: Uint8ClampedArray.from(frame.rgba), width: frame.width, height: frame.height },
    true,
  );
  return read?.format === 'qr' ? read.text : undefined;
}
