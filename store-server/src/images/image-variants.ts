// The sizes devices load (WebP, and JPEG for the rest), made with sharp from
// the kept original on first request and kept on disk beside it. One pipeline
// at a time, as looks/reencode-pool.ts does for photos: libvips already
// spreads one image over the cores, and the store PC has two. AVIF is not
// made: it cost more than the 300 ms per image allowed (docs/decisions/15-images.md).
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { ImageWidth } from '@vitrine/shared/core';
import type { ImageStore } from './image-store';

export type ImageFormat = 'webp' | 'jpeg';
const IMAGE_FORMATS: readonly ImageFormat[] = ['webp', 'jpeg'];

/** 50 megapixels: a 20 MB file can declare far more; refused before it is decoded. */
const MAX_INPUT_PIXELS = 50_000_000;

export class ImageVariants {
  private tail: Promise<unknown> = Promise.resolve();
  /** Sizes being made, so two requests for one size make it once. */
  private readonly making = new Map<string, Promise<string>>();
  private readonly sizesDir: string;

  constructor(private readonly originals: Pick<ImageStore, 'dir' | 'originalPath'>) {
    this.sizesDir = join(originals.dir, 'sizes');
    mkdirSync(this.sizesDir, { recursive: true });
  }

  path(sha256: string, width: ImageWidth, format: ImageFormat): string {
    return join(this.sizesDir, `${sha256}-${width}.${format === 'jpeg' ? 'jpg' : format}`);
  }

  /** The file of one size, made now if it is not on disk yet. */
  get(sha256: string, width: ImageWidth, format: ImageFormat): Promise<string> {
    const file = this.path(sha256, width, format);
    if (existsSync(file)) return Promise.resolve(file);
    const making = this.making.get(file);
    if (making) return making;
    const made = this.queue(() => this.make(sha256, Number(width), format, file)).finally(() =>
      this.making.delete(file),
    );
    this.making.set(file, made);
    return made;
  }

  /** Makes these widths in both formats ahead of the first request; rejects if sharp cannot read it. */
  async warm(sha256: string, widths: readonly ImageWidth[]): Promise<void> {
    for (const width of widths)
      for (const format of IMAGE_FORMATS) await this.get(sha256, width, format);
  }

  private queue<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async make(
    sha256: string,
    width: number,
    format: ImageFormat,
    file: string,
  ): Promise<string> {
    const original = this.originals.originalPath(sha256);
    const options = { failOn: 'warning', limitInputPixels: MAX_INPUT_PIXELS } as const;
    const temp = join(this.sizesDir, `${randomUUID()}.part`);
    try {
      mkdirSync(this.sizesDir, { recursive: true }); // removed while the server ran
      const meta = await sharp(original, options).metadata();
      // A vector drawing is rendered at the density that gives the width asked for, not 72 dpi.
      const density =
        meta.format === 'svg' && meta.width
          ? Math.min(2_400, Math.ceil((72 * width) / meta.width))
          : undefined;
      let pipeline = sharp(original, { ...options, ...(density ? { density } : {}) })
        .autoOrient()
        .resize({ width, withoutEnlargement: true });
      pipeline =
        format === 'webp'
          ? pipeline.webp({ quality: 80 })
          : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true });
      await pipeline.toFile(temp);
      renameSync(temp, file);
      return file;
    } catch (error) {
      rmSync(temp, { force: true });
      // Corrupt, truncated or too many pixels: said so in the import report.
      throw new Error(`the image cannot be decoded: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}
