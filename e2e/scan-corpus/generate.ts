// Generates a corpus into .cache/scan-corpus/<size>-<hash>/ unless it is there
// already: labels drawn two at a time (two cores, one convert each), a one-line
// progress counter on stderr, manifest.json written last so a directory with a
// manifest is always complete.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Random } from '@vitrine/store-server/demo/random';
import { REPO_ROOT } from '../support/test-server';
import { drawPresentation, shapeOf } from './degradations';
import { drawLabelContent, qrVariantContent } from './label-content';
import { MANIFEST_FILE, readManifest, type CorpusFrame, type CorpusManifest } from './manifest';
import { planCorpus, type CorpusSize, type PlannedLabel } from './plan';
import { renderLabel } from './render';
import { toolVersions } from './tools';

/** Bump when the generator's output changes for the same seed: it names the cache. */
const GENERATOR_VERSION = 'scan-corpus/2';
export const DEFAULT_SEED = 20261205;
const CONCURRENCY = 2;

function corpusDir(size: CorpusSize, seed = DEFAULT_SEED): string {
  const hash = createHash('sha256').update(`${GENERATOR_VERSION}:${seed}`).digest('hex');
  return join(REPO_ROOT, '.cache', 'scan-corpus', `${size}-${hash.slice(0, 12)}`);
}

async function renderPlanned(
  label: PlannedLabel,
  seed: number,
  dir: string,
): Promise<CorpusFrame[]> {
  // Each label draws from its own stream: adding a label never changes another.
  const rng = new Random(seed, `scan-corpus/${label.id}`);
  const content =
    label.group === 'qr-variants'
      ? qrVariantContent(rng.fork('content'), label.index)
      : drawLabelContent(rng.fork('content'), label.group, label.index);
  const presentation = drawPresentation(
    rng.fork('pose'),
    shapeOf(label.group),
    label.degradation,
    label.severity,
  );
  const rendered = await renderLabel(rng.fork('frames'), content, presentation, dir, label.id);
  rmSync(join(dir, `${label.id}.code.png`));
  rmSync(join(dir, `${label.id}.staged.png`));
  return rendered.files.map((file, frame) => ({
    file,
    group: label.group,
    symbology: content.symbology,
    encoded: content.encoded,
    expect: content.expect,
    degradation: label.degradation,
    severity: label.severity,
    modulePx: Math.round(rendered.modulePx * 100) / 100,
    label: label.id,
    frame,
  }));
}

function progress(size: CorpusSize, done: number, total: number, startedAt: number) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(0);
  const line = `scan corpus (${size}) [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} labels, ${seconds} s`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
  else if (done === total || done % 25 === 0) process.stderr.write(`${line}\n`);
}

/** Draws every planned label into `dir` and returns the manifest (not yet written). */
export async function generateCorpus(
  size: CorpusSize,
  seed: number,
  dir: string,
): Promise<CorpusManifest> {
  const plan = planCorpus(size);
  const results: CorpusFrame[][] = new Array<CorpusFrame[]>(plan.length);
  const startedAt = performance.now();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < plan.length) {
      const index = next++;
      results[index] = await renderPlanned(plan[index]!, seed, dir);
      progress(size, ++done, plan.length, startedAt);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return {
    generator: GENERATOR_VERSION,
    tools: await toolVersions(),
    seed,
    size,
    width: 640,
    height: 480,
    frames: results.flat(),
  };
}

/** The corpus directory, generated first if it is not cached yet. */
export async function ensureCorpus(
  size: CorpusSize,
  seed = DEFAULT_SEED,
): Promise<{ dir: string; manifest: CorpusManifest; generatedMs?: number }> {
  const dir = corpusDir(size, seed);
  if (existsSync(join(dir, MANIFEST_FILE))) return { dir, manifest: readManifest(dir) };
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const started = performance.now();
  const manifest = await generateCorpus(size, seed, partial).catch((error: unknown) => {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  });
  writeFileSync(join(partial, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
  // Test files run in parallel processes and may generate the same corpus at
  // once: the first rename wins (a directory only ever appears complete), and
  // the others keep it rather than pull it from under a reader.
  try {
    renameSync(partial, dir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(join(dir, MANIFEST_FILE))) throw error;
    return { dir, manifest: readManifest(dir) };
  }
  return { dir, manifest, generatedMs: performance.now() - started };
}
