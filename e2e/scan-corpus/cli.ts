// npm run corpus [-- smoke]: generates the labelled scan corpus (if not cached)
// and prints where it is.
import { ensureCorpus } from './generate';

const size = process.argv[2] === 'smoke' ? 'smoke' : 'full';
const { dir, manifest, generatedMs } = await ensureCorpus(size);
const labels = new Set(manifest.frames.map((f) => f.label)).size;
const how =
  generatedMs === undefined ? 'cached' : `generated in ${(generatedMs / 1000).toFixed(1)} s`;
process.stdout.write(
  `scan corpus (${size}): ${manifest.frames.length} frames of ${labels} labels, ${how}\n${dir}\n`,
);
