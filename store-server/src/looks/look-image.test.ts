import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpError } from '../http/http-error';
import { readDimensions, reencodeLook } from './look-image';
import { ReencodePool } from './reencode-pool';

const pool = new ReencodePool();
afterAll(() => pool.stop());

function jpegOf(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4, 200);
  return Buffer.from(jpeg.encode({ data, width, height }, 80).data);
}
function pngOf(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(120);
  return PNG.sync.write(png);
}
async function refusal(run: () => Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await run();
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('reencodeLook', () => {
  it('re-encodes a JPEG and a PNG as a fresh JPEG of the same size', async () => {
    for (const [bytes, type] of [
      [jpegOf(640, 480), 'image/jpeg'],
      [pngOf(400, 600), 'image/png'],
    ] as const) {
      const out = await reencodeLook(pool, bytes, type);
      expect(out.jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      expect(readDimensions(out.jpeg, 'image/jpeg')).toEqual({
        width: out.width,
        height: out.height,
      });
    }
  });

  it('refuses what is not an image, a lying type, wrong dimensions and a broken file', async () => {
    expect(
      await refusal(() => reencodeLook(pool, Buffer.from('<svg></svg>'), 'image/jpeg')),
    ).toEqual({
      status: 415,
      code: 'not_an_image',
    });
    expect(await refusal(() => reencodeLook(pool, pngOf(400, 400), 'image/jpeg'))).toEqual({
      status: 415,
      code: 'type_mismatch',
    });
    expect(await refusal(() => reencodeLook(pool, jpegOf(100, 100), 'image/jpeg'))).toEqual({
      status: 422,
      code: 'bad_dimensions',
    });
    expect(await refusal(() => reencodeLook(pool, pngOf(3000, 400), 'image/png'))).toEqual({
      status: 422,
      code: 'bad_dimensions',
    });
    const truncated = jpegOf(640, 480).subarray(0, 700);
    expect((await refusal(() => reencodeLook(pool, truncated, 'image/jpeg'))).status).toBe(422);
  });

  it('reads the size from the header before decoding (a claimed 60000 px side is refused)', async () => {
    const png = pngOf(400, 400);
    png.writeUInt32BE(60_000, 16);
    expect(await refusal(() => reencodeLook(pool, png, 'image/png'))).toEqual({
      status: 422,
      code: 'bad_dimensions',
    });
  });
});
