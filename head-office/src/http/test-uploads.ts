// Raw uploads to head office's media route, for its API tests: bytes as the console sends them,
// and the two ways past the size cap (declared, and streamed with no length declared).
import { request } from 'node:http';
import { API_PREFIX, MAX_MEDIA_BYTES } from '@vitrine/shared/core';

const TOKEN = 'hq-admin-token-0123456789';

export const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  Buffer.from('a small picture, as far as its signature says'),
]);

export function uploads(url: () => string) {
  /** Uploads raw bytes as the console would; `headers` replace the defaults. */
  async function upload(bytes: Buffer | string, headers: Record<string, string> = {}, query = '') {
    const response = await fetch(`${url()}${API_PREFIX}/media${query}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/octet-stream',
        ...headers,
      },
      body: bytes,
    });
    return {
      status: response.status,
      json: (await response.json()) as Record<string, unknown> & { error?: { code: string } },
    };
  }

  /** An upload that declares more than the cap: answered before a byte of it is sent. */
  function declaredTooLarge(): Promise<{ status: number; json: unknown }> {
    return new Promise((resolve, reject) => {
      const req = request(`${url()}${API_PREFIX}/media`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${TOKEN}`,
          'content-length': String(MAX_MEDIA_BYTES + 1),
        },
      });
      req.once('response', (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, json: null });
        req.destroy();
      });
      req.once('error', reject);
      req.flushHeaders();
    });
  }

  /** A chunked upload (no length declared) that goes on past the cap: 413 once the cap is passed. */
  function streamedTooLarge(): Promise<{ status: number; json: unknown }> {
    return new Promise((resolve, reject) => {
      const req = request(`${url()}${API_PREFIX}/media`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'transfer-encoding': 'chunked' },
      });
      const chunk = Buffer.alloc(1024 * 1024, 7);
      PNG.copy(chunk);
      let sent = 0;
      let answered = false;
      req.once('response', (res) => {
        answered = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, json: null });
        req.destroy();
      });
      req.on('error', (error) => (answered ? undefined : reject(error)));
      const pump = () => {
        while (!answered && sent <= MAX_MEDIA_BYTES + chunk.length) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!answered) req.end();
      };
      pump();
    });
  }

  return { upload, declaredTooLarge, streamedTooLarge };
}
