// Re-encodes look photos with sharp (libvips), one at a time. sharp decodes
// and encodes on libuv's thread pool, so the server's event loop (MQTT acks,
// sync, HTTP) never waits on it; taking one photo at a time keeps a burst of
// mirrors from running several pipelines at once on a two-core store PC.
import sharp from 'sharp';

// libvips keeps recent operations and files in memory by default: a shopper's
// photo must not stay there once its look is written.
sharp.cache(false);

export type ReencodeJob = {
  /** The upload in memory, or the path the server received it to. */
  input: Buffer | string;
  quality: number;
  /** Refuse before decoding anything larger (the header's size was checked already). */
  maxPixels: number;
};
export type Reencoded = { jpeg: Buffer; width: number; height: number };

/** One pipeline: upright by its EXIF orientation, re-encoded as a JPEG with no metadata. */
async function reencode(job: ReencodeJob): Promise<Reencoded> {
  // failOn 'warning': a truncated or corrupt file is refused, not half-grey.
  const { data, info } = await sharp(job.input, {
    failOn: 'warning',
    limitInputPixels: job.maxPixels,
  })
    .autoOrient()
    .jpeg({ quality: job.quality })
    .toBuffer({ resolveWithObject: true });
  return { jpeg: data, width: info.width, height: info.height };
}

export class ReencodePool {
  private tail: Promise<unknown> = Promise.resolve();

  run(job: ReencodeJob): Promise<Reencoded> {
    const result = this.tail.then(() => reencode(job));
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once the photos already handed over are done. */
  async stop(): Promise<void> {
    await this.tail;
  }
}
