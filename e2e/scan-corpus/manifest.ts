// The scan corpus's manifest: one entry per 640×480 frame, declared once here
// and parsed from `unknown` wherever it is read (generator test, benchmark).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const SYMBOLOGY_GROUPS = [
  'ean-13',
  'ean-8',
  'upc-a',
  'upc-e',
  'gs1-128',
  'code-128',
  'qr-digital-link',
  'qr-promo',
  'gs1-datamatrix',
  'qr-variants',
] as const;
export type SymbologyGroup = (typeof SYMBOLOGY_GROUPS)[number];

export const DEGRADATIONS = [
  'clean',
  'defocus',
  'motion',
  'glare',
  'tilt',
  'rotation',
  'curved',
  'small',
  'dim',
  'jpeg',
  'webcam',
] as const;
export type Degradation = (typeof DEGRADATIONS)[number];

/** What a right read means: the product's GTIN-14, or the exact text (loyalty card, promo URL). */
export const Expectation = z.union([
  z.strictObject({ gtin14: z.string().regex(/^\d{14}$/) }),
  z.strictObject({ text: z.string().min(1) }),
]);
export type Expectation = z.infer<typeof Expectation>;

export const CorpusFrame = z.strictObject({
  /** Relative to the corpus directory. */
  file: z.string().regex(/^[\w-]+\.(png|jpg)$/),
  group: z.enum(SYMBOLOGY_GROUPS),
  /** zint's symbology name (`EANX`, `GS1_128`, `QRCODE`…). */
  symbology: z.string().min(1),
  /** The data given to zint, GS1 AIs in brackets. */
  encoded: z.string().min(1),
  expect: Expectation,
  degradation: z.enum(DEGRADATIONS),
  /** 0 for clean, else 1 (mild) to 3 (hard). */
  severity: z.number().int().min(0).max(3),
  /** Pixels per module of the printed code in the frame, before distortion. */
  modulePx: z.number().positive(),
  /** The label presentation this frame belongs to (its frames are consecutive camera frames). */
  label: z.string().min(1),
  frame: z.number().int().min(0).max(2),
});
export type CorpusFrame = z.infer<typeof CorpusFrame>;

export const CorpusManifest = z.strictObject({
  generator: z.string(),
  /** zint's and ImageMagick's versions: the same seed through other versions gives other pixels. */
  tools: z.string(),
  seed: z.number().int(),
  size: z.enum(['smoke', 'full']),
  width: z.literal(640),
  height: z.literal(480),
  frames: z.array(CorpusFrame).min(1),
});
export type CorpusManifest = z.infer<typeof CorpusManifest>;

export const MANIFEST_FILE = 'manifest.json';

export function readManifest(dir: string): CorpusManifest {
  return CorpusManifest.parse(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')));
}
