// A PNG or JPEG photo as RGBA pixels, what a canvas hands the decoder worker.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

export type Rgba = { data: Uint8ClampedArray; width: number; height: number };

const isPng = (bytes: Uint8Array) => bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e;
const isJpeg = (bytes: Uint8Array) => bytes[0] === 0xff && bytes[1] === 0xd8;

export function rgbaOfImageFile(bytes: Buffer): Rgba {
  if (isPng(bytes)) {
    const png = PNG.sync.read(bytes);
    return {
      data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
      width: png.width,
      height: png.height,
    };
  }
  if (isJpeg(bytes)) {
    const image = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxMemoryUsageInMB: 512,
    });
    return {
      data: new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length),
      width: image.width,
      height: image.height,
    };
  }
  throw new Error('not a PNG or JPEG file');
}
