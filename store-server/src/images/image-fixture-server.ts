// A real HTTP server on 127.0.0.1 serving what image URLs meet in the wild,
// for the image cache's tests: good pictures, a 404, an answer that never
// comes, a 30 MB body, an HTML page sent as a JPEG, redirects, and a server
// that fails twice before it answers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

export type ImageFixtureServer = {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Another server on 127.0.0.1, serving the same good JPEG: a redirect target. */
  otherOrigin: string;
  jpeg: Buffer;
  png: Buffer;
  /** Bytes the last /huge-chunked answer wrote before the client hung up. */
  hugeBytesSent: () => number;
  /** Requests per path. */
  hits: Map<string, number>;
  close: () => Promise<void>;
};

const HUGE_BYTES = 30 * 1024 * 1024;

/** A photo-like picture: a gradient with some texture, so it encodes like a real one. */
function picture(width: number, height: number): Buffer {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (x * 255) / width;
      raw[i + 1] = (y * 255) / height;
      raw[i + 2] = (x ^ y) & 0xff;
    }
  return raw;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

export async function startImageFixtureServer(): Promise<ImageFixtureServer> {
  const raw = { raw: { width: 1200, height: 800, channels: 3 as const } };
  const jpeg = await sharp(picture(1200, 800), raw).jpeg({ quality: 85 }).toBuffer();
  const png = await sharp(picture(1200, 800), raw).png().toBuffer();
  const hits = new Map<string, number>();
  let hugeSent = 0;
  const other = createServer((_req, res) => res.writeHead(200).end(jpeg));
  const otherOrigin = await listen(other);
  const held = new Set<() => void>();
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/good.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
    if (path === '/good.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    if (path === '/moved.jpg') return res.writeHead(301, { location: '/good.jpg' }).end();
    if (path === '/to-loopback.jpg')
      return res.writeHead(302, { location: `${otherOrigin}/good.jpg` }).end();
    if (path === '/page.jpg')
      return res
        .writeHead(200, { 'content-type': 'image/jpeg' })
        .end('<!DOCTYPE html><html><body>Not found</body></html>');
    if (path === '/slow.jpg') {
      // Headers never come; released when the client gives up or the server closes.
      held.add(() => res.destroy());
      return;
    }
    if (path === '/huge.jpg')
      return res
        .writeHead(200, { 'content-type': 'image/jpeg', 'content-length': HUGE_BYTES })
        .end(Buffer.alloc(64));
    if (path === '/huge-chunked.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      const chunk = Buffer.concat([jpeg.subarray(0, 3), Buffer.alloc(64 * 1024 - 3)]);
      hugeSent = 0;
      const more = () => {
        while (hugeSent < HUGE_BYTES && !res.destroyed) {
          hugeSent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      return more();
    }
    if (path === '/flaky.jpg' && (hits.get(path) ?? 0) <= 2) return res.writeHead(503).end('busy');
    if (path === '/flaky.jpg') return res.writeHead(200).end(png);
    res.writeHead(404).end('no such picture');
  });
  const origin = await listen(server);
  return {
    origin,
    otherOrigin,
    jpeg,
    png,
    hugeBytesSent: () => hugeSent,
    hits,
    close: async () => {
      for (const release of held) release();
      server.closeAllConnections();
      other.closeAllConnections();
      await Promise.all([
        new Promise((resolve) => server.close(resolve)),
        new Promise((resolve) => other.close(resolve)),
      ]);
    },
  };
}
