// Checks and re-encodes an uploaded look photo with sharp: the type comes from
// the bytes (and must match what the upload declared), the dimensions from the
// header before anything is decoded, and the result is a fresh JPEG, upright
// by the photo's EXIF orientation, without the upload's metadata (GPS, device).
import { LOOK_MAX_SIDE, LOOK_MIN_SIDE, MAX_LOOK_UPLOAD_BYTES } from '@vitrine/shared/core';
import { closeSync, openSync, readSync } from 'node:fs';
import { HttpError } from '@vitrine/shared/node';
import type { ReencodePool, Reencoded } from './reencode-pool';

export type LookImageType = 'image/jpeg' | 'image/png';

const JPEG_QUALITY = 85;

function sniffLookType(bytes: Buffer): LookImageType | undefined {
  if (
    bytes.length >= 8 &&
    bytes.readUInt32BE(0) === 0x89504e47 &&
    bytes.readUInt32BE(4) === 0x0d0a1a0a
  )
    return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'image/jpeg';
  return undefined;
}

/** Width and height from a PNG's IHDR or a JPEG's first SOF marker, without decoding. */
export function readDimensions(
  bytes: Buffer,
  type: LookImageType,
): { width: number; height: number } | undefined {
  if (type === 'image/png') {
    if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  return undefined;
}

/** The upload's checks that need no decoding: size, signature, declared type, dimensions. */
function checkLookUpload(
  /** The upload's first bytes (all of it, or enough to hold its header). */
  bytes: Buffer,
  size: number,
  declared: string | undefined,
): { type: LookImageType; width: number; height: number } {
  if (size > MAX_LOOK_UPLOAD_BYTES)
    throw new HttpError(
      413,
      'payload_too_large',
      `a look photo is at most ${MAX_LOOK_UPLOAD_BYTES} bytes`,
    );
  const type = sniffLookType(bytes);
  if (!type) throw new HttpError(415, 'not_an_image', 'the upload is not a JPEG or PNG image');
  if (declared !== type)
    throw new HttpError(
      415,
      'type_mismatch',
      `the upload says ${declared ?? 'nothing'} but is ${type}`,
    );
  const dimensions = readDimensions(bytes, type);
  if (!dimensions) throw new HttpError(422, 'unreadable_image', 'the image header cannot be read');
  const { width, height } = dimensions;
  if (
    width < LOOK_MIN_SIDE ||
    height < LOOK_MIN_SIDE ||
    width > LOOK_MAX_SIDE ||
    height > LOOK_MAX_SIDE
  )
    throw new HttpError(
      422,
      'bad_dimensions',
      `a look photo is ${LOOK_MIN_SIDE}–${LOOK_MAX_SIDE} px a side, not ${width}×${height}`,
    );
  return { type, width, height };
}

/** How much of an uploaded file is read here to find its header; sharp reads the rest. */
const HEADER_WINDOW_BYTES = 256 * 1024;

function headOf(file: string, size: number): Buffer {
  const head = Buffer.alloc(Math.min(size, HEADER_WINDOW_BYTES));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head;
}

/**
 * Checks, then decodes and re-encodes off the event loop: a fresh upright JPEG
 * without the upload's metadata. An upload received to disk is read by sharp,
 * never whole by the server's own thread. Width and height are the result's
 * (a photo turned by its EXIF orientation swaps them).
 */
export async function reencodeLook(
  pool: ReencodePool,
  source: Buffer | { file: string; size: number },
  declared: string | undefined,
): Promise<Reencoded> {
  const onDisk = !Buffer.isBuffer(source);
  const size = onDisk ? source.size : source.length;
  const head = onDisk ? headOf(source.file, size) : source;
  checkLookUpload(head, size, declared);
  try {
    return await pool.run({
      input: onDisk ? source.file : source,
      quality: JPEG_QUALITY,
      maxPixels: LOOK_MAX_SIDE * LOOK_MAX_SIDE,
    });
  } catch (error) {
    throw new HttpError(
      422,
      'unreadable_image',
      `the image cannot be decoded: ${(error as Error).message}`,
    );
  }
}
