// Checks and re-encodes an uploaded look photo with pure-JS codecs (jpeg-js,
// pngjs, in a worker thread): the type comes from the bytes (and must match
// what the upload declared), the dimensions from the header before anything
// is decoded, and the result is a fresh JPEG without the upload's metadata.
import { LOOK_MAX_SIDE, LOOK_MIN_SIDE, MAX_LOOK_UPLOAD_BYTES } from '@vitrine/shared/core';
import { HttpError } from '../http/http-error';
import type { ReencodePool } from './reencode-pool';

export type LookImageType = 'image/jpeg' | 'image/png';
export type ReencodedLook = { jpeg: Buffer; width: number; height: number };

const JPEG_QUALITY = 85;

export function sniffLookType(bytes: Buffer): LookImageType | undefined {
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
export function checkLookUpload(
  bytes: Buffer,
  declared: string | undefined,
): { type: LookImageType; width: number; height: number } {
  if (bytes.length > MAX_LOOK_UPLOAD_BYTES)
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
  const size = readDimensions(bytes, type);
  if (!size) throw new HttpError(422, 'unreadable_image', 'the image header cannot be read');
  const { width, height } = size;
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

/** Checks, then decodes and re-encodes in the worker: a fresh JPEG without the upload's metadata. */
export async function reencodeLook(
  pool: ReencodePool,
  bytes: Buffer,
  declared: string | undefined,
): Promise<ReencodedLook> {
  const { type, width, height } = checkLookUpload(bytes, declared);
  try {
    const jpeg = await pool.run({ bytes, type, width, height, quality: JPEG_QUALITY });
    return { jpeg, width, height };
  } catch (error) {
    throw new HttpError(
      422,
      'unreadable_image',
      `the image cannot be decoded: ${(error as Error).message}`,
    );
  }
}
