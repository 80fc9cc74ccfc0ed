// docs/images/scan-corpus.jpg: one frame of the full corpus per degradation
// (severity 2, a different symbology each), captioned, for docs/scanning.md.
// Run: npx tsx e2e/scan-corpus/contact-sheet.ts
import { join } from 'node:path';
import { REPO_ROOT } from '../support/test-server';
import { ensureCorpus } from './generate';
import { DEGRADATIONS } from './manifest';
import { montage } from './tools';

const { dir, manifest } = await ensureCorpus('full');
const picked = DEGRADATIONS.map((degradation, i) => {
  const candidates = manifest.frames.filter(
    (f) =>
      f.degradation === degradation &&
      f.frame === 0 &&
      f.severity === (degradation === 'clean' ? 0 : 2),
  );
  return candidates[(i * 5) % candidates.length]!;
});
const variant = manifest.frames.find((f) => f.group === 'qr-variants' && f.frame === 0)!;
const tiles = [...picked, variant].flatMap((f) => [
  '-label',
  `${f.degradation}${f.severity ? ` ${f.severity}` : ''} · ${f.group}`,
  join(dir, f.file),
]);
const out = join(REPO_ROOT, 'docs', 'images', 'scan-corpus.jpg');
await montage([
  '-font',
  'DejaVu-Sans',
  '-pointsize',
  '13',
  ...tiles,
  '-tile',
  '4x',
  '-geometry',
  '256x192+3+3',
  '-quality',
  '78',
  out,
]);
process.stdout.write(`${out}\n`);
