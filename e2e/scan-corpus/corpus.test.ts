// The smoke corpus is what the manifest says: every frame a 640×480 image, the
// same seed gives the same corpus, and every clean frame decodes (with ZXing-C++
// in Node) to its label's content — proof the labels are right, not a measure
// of any decoder.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, ensureCorpus, generateCorpus } from './generate';
import { judgeRead } from './judge';
import { CorpusManifest, SYMBOLOGY_GROUPS, type CorpusManifest as Manifest } from './manifest';
import { decodeImageFile } from './zxing-node';

const pngSize = (bytes: Buffer) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

/** A JPEG's size from its first start-of-frame marker. */
function jpegSize(bytes: Buffer): number[] {
  let at = 2;
  while (at < bytes.length) {
    const marker = bytes[at + 1]!;
    if (marker >= 0xc0 && marker <= 0xc2)
      return [bytes.readUInt16BE(at + 7), bytes.readUInt16BE(at + 5)];
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  throw new Error('no JPEG start of frame');
}

describe('scan corpus (smoke)', () => {
  let dir = '';
  let manifest: Manifest;

  it('generates a manifest that parses, with every frame a 640×480 image', async () => {
    ({ dir, manifest } = await ensureCorpus('smoke'));
    const parsed = CorpusManifest.parse(
      JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')),
    );
    expect(parsed.frames.length).toBeGreaterThanOrEqual(36);
    expect(new Set(parsed.frames.map((f) => f.group))).toEqual(new Set(SYMBOLOGY_GROUPS));
    for (const frame of parsed.frames) {
      const bytes = readFileSync(join(dir, frame.file));
      expect(frame.file.endsWith('.png') ? pngSize(bytes) : jpegSize(bytes), frame.file).toEqual([
        640, 480,
      ]);
    }
  }, 240_000);

  it('is deterministic: the same seed gives the same manifest and the same frames, byte for byte', async () => {
    const again = mkdtempSync(join(tmpdir(), 'vitrine-corpus-'));
    try {
      const regenerated = await generateCorpus('smoke', DEFAULT_SEED, again);
      expect(regenerated).toEqual(manifest);
      for (const frame of manifest.frames)
        expect(
          readFileSync(join(again, frame.file)).equals(readFileSync(join(dir, frame.file))),
        ).toBe(true);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  }, 240_000);

  it('has every clean frame decodable to its label’s content', async () => {
    const clean = manifest.frames.filter((f) => f.degradation === 'clean');
    expect(clean.length).toBeGreaterThanOrEqual(30);
    for (const frame of clean) {
      expect(existsSync(join(dir, frame.file))).toBe(true);
      const reads = await decodeImageFile(join(dir, frame.file));
      expect(reads, frame.file).toHaveLength(1);
      expect(judgeRead(frame.expect, reads[0]), `${frame.file}: ${reads[0]?.text}`).toBe('right');
    }
  });
});
