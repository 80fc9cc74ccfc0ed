// `npm run decode` as support would run it: photos of labels in, one JSON line
// each out — what the kiosk's decoder reads, the GTIN, and whether the kiosk
// would open a page — with the store's catalogue asked when --store is given.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreServer } from '@vitrine/store-server/server';
import { makeGtin13 } from '@vitrine/shared/core';
import { codeFrameRgba, type PrintedCode } from '../../shared/src/scan/testing/printed-code';
import { demoProduct } from '../kiosk/kiosk-page';
import { REPO_ROOT, startTestServer } from '../support/test-server';

const ADMIN_TOKEN = 'decode-cli-test-token-0123456789';
let server: StoreServer;
const dir = mkdtempSync(join(tmpdir(), 'vitrine-decode-'));

function photo(name: string, code: PrintedCode | undefined): string {
  const image = code
    ? codeFrameRgba(code)
    : { data: new Uint8ClampedArray(640 * 480 * 4).fill(210), width: 640, height: 480 };
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data);
  const file = join(dir, name);
  writeFileSync(file, PNG.sync.write(png));
  return file;
}

async function decode(args: string[]) {
  const run = await promisify(execFile)(
    'npx',
    ['tsx', 'shared/src/scan/node/decode-cli.ts', ...args],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, VITRINE_ADMIN_TOKEN: ADMIN_TOKEN },
    },
  ).catch((error: { stdout: string; code: number }) => ({
    stdout: error.stdout,
    code: error.code,
  }));
  const lines = run.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { lines, code: 'code' in run ? run.code : 0 };
}

beforeAll(async () => {
  server = await startTestServer({ adminToken: ADMIN_TOKEN });
});
afterAll(() => server?.close());

describe('npm run decode', () => {
  it('says what the kiosk reads in each photo and whether it would open a page', async () => {
    const known = demoProduct(server).gtin.padStart(14, '0');
    const unknown = makeGtin13('376499999990');
    const files = [
      photo('known.png', { bcid: 'ean13', text: known.slice(1, 13) }),
      photo('unknown.png', { bcid: 'ean13', text: unknown.slice(0, 12) }),
      photo('matrix.png', { bcid: 'gs1datamatrix', text: `(01)${known}(10)LOT1` }),
      photo('blank.png', undefined),
    ];
    writeFileSync(join(dir, 'notes.txt'), 'not a photo');
    const { lines, code } = await decode(['--store', server.url, ...files, join(dir, 'notes.txt')]);
    expect(code).toBe(1); // one file was not an image
    expect(lines).toMatchObject([
      {
        file: 'known.png',
        decoder: 'zxing-wasm',
        format: 'ean-13',
        gtin: known,
        catalogue: 'known',
        opens: 'product-page',
        framesNeeded: 2,
        risks: [],
      },
      {
        file: 'unknown.png',
        gtin: `0${unknown}`,
        catalogue: 'unknown',
        risks: ['unknown-gtin'],
        framesNeeded: 3,
      },
      {
        file: 'matrix.png',
        format: 'data-matrix',
        gtin: known,
        opens: 'product-page',
        framesNeeded: 1,
      },
      {
        file: 'blank.png',
        format: null,
        opens: 'nothing',
        readBy: { fast: false, thorough: false },
      },
      { file: 'notes.txt', error: 'not a PNG or JPEG file' },
    ]);
  });

  it('uses zxing-js when asked, as a kiosk set to it would, and refuses an unknown decoder', async () => {
    const file = photo('card.png', { bcid: 'code128', text: 'VTR04817395526' });
    const { lines, code } = await decode(['--decoder', 'zxing-js', file]);
    expect(code).toBe(0);
    expect(lines).toMatchObject([
      { decoder: 'zxing-js', format: 'code-128', opens: 'staff-request' },
    ]);
    expect(await decode(['--decoder', 'zbar', file])).toEqual({ lines: [], code: 2 });
  });
});
