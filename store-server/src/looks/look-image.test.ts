import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpError } from '@vitrine/shared/node';
import { readDimensions, reencodeLook } from './look-image';
import { ReencodePool } from './reencode-pool';

const pool = new ReencodePool();
afterAll(() => pool.stop());

const RED = { r: 255, g: 0, b: 0 };
const BLUE = { r: 0, g: 0, b: 255 };

/** Red on the left half, blue on the right, as the camera stored it. */
const twoHalves = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: RED } }).composite([
    {
      input: { create: { width: width / 2, height, channels: 3, background: BLUE } },
      left: width / 2,
      top: 0,
    },
  ]);

const jpegOf = (width: number, height: number) =>
  twoHalves(width, height).jpeg({ quality: 80 }).toBuffer();
const pngOf = (width: number, height: number) => twoHalves(width, height).png().toBuffer();

/** The colour at (x, y) of a decoded result, rounded to red or blue. */
async function colourAt(jpeg: Buffer, x: number, y: number): Promise<'red' | 'blue'> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return (data[at] ?? 0) > (data[at + 2] ?? 0) ? 'red' : 'blue';
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
      [await jpegOf(640, 480), 'image/jpeg'],
      [await pngOf(400, 600), 'image/png'],
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
    const [square, tiny, wide] = await Promise.all([
      pngOf(400, 400),
      jpegOf(100, 100),
      pngOf(3000, 400),
    ]);
    expect(
      await refusal(() => reencodeLook(pool, Buffer.from('<svg></svg>'), 'image/jpeg')),
    ).toEqual({
      status: 415,
      code: 'not_an_image',
    });
    expect(await refusal(() => reencodeLook(pool, square, 'image/jpeg'))).toEqual({
      status: 415,
      code: 'type_mismatch',
    });
    expect(await refusal(() => reencodeLook(pool, tiny, 'image/jpeg'))).toEqual({
      status: 422,
      code: 'bad_dimensions',
    });
    expect(await refusal(() => reencodeLook(pool, wide, 'image/png'))).toEqual({
      status: 422,
      code: 'bad_dimensions',
    });
    const truncated = (await jpegOf(640, 480)).subarray(0, 700);
    expect((await refusal(() => reencodeLook(pool, truncated, 'image/jpeg'))).status).toBe(422);
  });

  it('reads the size from the header before decoding (a claimed 60000 px side is refused)', async () => {
    const png = await pngOf(400, 400);
    png.writeUInt32BE(60_000, 16);
    expect(await refusal(() => reencodeLook(pool, png, 'image/png'))).toEqual({
      status: 422,
      code: 'bad_dimensions',
    });
  });

  it('turns a photo upright by its EXIF orientation and keeps none of its metadata', async () => {
    // Stored 640×480 on its side (orientation 6: turn 90° clockwise to show), with a GPS position.
    const sideways = await twoHalves(640, 480)
      .jpeg()
      .withExif({
        IFD0: { ImageDescription: 'mirror 3, rue de Rivoli' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1' },
      })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(sideways).metadata()).orientation).toBe(6);
    const out = await reencodeLook(pool, sideways, 'image/jpeg');
    expect({ width: out.width, height: out.height }).toEqual({ width: 480, height: 640 });
    expect(readDimensions(out.jpeg, 'image/jpeg')).toEqual({ width: 480, height: 640 });
    // The left half (red) is on top once turned clockwise.
    expect(await colourAt(out.jpeg, 240, 100)).toBe('red');
    expect(await colourAt(out.jpeg, 240, 540)).toBe('blue');
    const metadata = await sharp(out.jpeg).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(out.jpeg.includes('Rivoli')).toBe(false);
  });

  it('reads an upload received to disk, the way the route hands it over', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vitrine-look-')), 'upload');
    const png = await pngOf(400, 600);
    writeFileSync(file, png);
    const out = await reencodeLook(pool, { file, size: png.length }, 'image/png');
    expect({ width: out.width, height: out.height }).toEqual({ width: 400, height: 600 });
    expect(await colourAt(out.jpeg, 100, 300)).toBe('red');
    expect(await colourAt(out.jpeg, 300, 300)).toBe('blue');
  });
});
