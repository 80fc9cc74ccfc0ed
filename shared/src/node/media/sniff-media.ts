// What a media file is, from its own first bytes (never from what the uploader says): shared by
// the store's and head office's uploads, so both accept exactly the same files.
import type { MediaType } from '../../core';

/** Bytes enough to tell every type below by its signature. */
export const MEDIA_SNIFF_BYTES = 64;

/** What the bytes are, from their signature; undefined for anything else. */
export function sniffMediaType(bytes: Buffer): MediaType | undefined {
  const ascii = (start: number, end: number) => bytes.subarray(start, end).toString('latin1');
  if (
    bytes.length >= 8 &&
    bytes.readUInt32BE(0) === 0x89504e47 &&
    bytes.readUInt32BE(4) === 0x0d0a1a0a
  ) {
    return 'image/png';
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'image/jpeg';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (bytes.length >= 12 && ascii(4, 8) === 'ftyp') return 'video/mp4';
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3) return 'video/webm';
  return undefined;
}
