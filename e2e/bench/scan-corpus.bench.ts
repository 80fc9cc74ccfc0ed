// The scanning benchmark on our own labelled corpus (e2e/scan-corpus): every
// frame decoded in each of the kiosk's decoder workers inside the kiosk page,
// scored per symbology (frames read, wrong reads, wrong products the kiosk's
// acceptance rule would open, decode p50/p95), and label in view → product
// page in Chromium's fake camera. Targets from the scanning issue.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { DecoderKind } from '@vitrine/shared/scan';
import { ensureCorpus } from '../scan-corpus/generate';
import type { CorpusSize } from '../scan-corpus/plan';
import { launchChromium } from '../support/chromium';
import { REPO_ROOT, startTestServer } from '../support/test-server';
import { decoderWorkerUrl } from './kiosk-camera';
import { decodeCorpusInWorker, serveCorpus } from './scan-corpus-decode';
import { timeLabelsToPage, type LabelToPage } from './scan-corpus-camera';
import { scoreDecoder, type GroupScore } from './scan-corpus-score';
import { percentile, round, type BenchResult } from './stats';

export const DECODERS: DecoderKind[] = ['zxing-wasm', 'zxing-js'];

export type CorpusBench = {
  size: CorpusSize;
  corpus: string;
  scores: Record<string, GroupScore[]>;
  /** The same reads per degradation and severity (`defocus 2`), to see where each decoder gives up. */
  byDegradation: Record<string, GroupScore[]>;
  labelToPage: LabelToPage[];
  load: string;
};

/** Decodes the corpus in each decoder's worker and scores it. */
export async function scoreCorpus(
  size: CorpusSize,
  decoders: readonly DecoderKind[] = DECODERS,
): Promise<Pick<CorpusBench, 'corpus' | 'scores' | 'byDegradation'>> {
  const { dir, manifest } = await ensureCorpus(size);
  const server = await startTestServer();
  const browser = await launchChromium();
  const scores: Record<string, GroupScore[]> = {};
  const byDegradation: Record<string, GroupScore[]> = {};
  try {
    // tsx keeps function names with an `__name` helper that the page does not have.
    await browser.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const page = await browser.newPage();
    await serveCorpus(page, dir);
    await page.goto(`${server.url}/kiosk/`);
    for (const kind of decoders) {
      process.stderr.write(`bench: scan corpus, ${manifest.frames.length} frames in ${kind}…\n`);
      const decodes = await decodeCorpusInWorker(page, decoderWorkerUrl(kind), manifest.frames);
      scores[kind] = scoreDecoder(kind, manifest.frames, decodes);
      byDegradation[kind] = scoreDecoder(kind, manifest.frames, decodes, (frame) =>
        frame.severity ? `${frame.degradation} ${frame.severity}` : frame.degradation,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { corpus: dir, scores, byDegradation };
}

export function printCorpusTables(bench: CorpusBench): void {
  for (const [kind, rows] of Object.entries(bench.scores)) {
    process.stdout.write(`\nscan corpus (${bench.size}) · ${kind}\n`);
    console.table(
      rows.map((r) => ({
        group: r.group,
        frames: r.frames,
        'read %': r.readPct,
        'wrong reads': r.wrongReads,
        'wrong products opened': r.wrongProductsOpened,
        'labels opened': `${r.openedRight}/${r.labels}`,
        'decode p50 ms': r.decodeP50,
        'p95 ms': r.decodeP95,
        'fast / thorough p95': `${r.fastP95} / ${r.thoroughP95}`,
        'of which pixels p50 / p95': `${r.pixelsP50} / ${r.pixelsP95}`,
      })),
    );
  }
  process.stdout.write(
    '\nframes read % per degradation and severity (fast pass / thorough pass)\n',
  );
  const kinds = Object.keys(bench.byDegradation);
  console.table(
    (bench.byDegradation[kinds[0]!] ?? []).map((row, i) => ({
      degradation: row.group,
      ...Object.fromEntries(
        kinds.map((kind) => {
          const r = bench.byDegradation[kind]![i]!;
          return [kind, `${r.fastReadPct} / ${r.thoroughReadPct}`];
        }),
      ),
    })),
  );
  if (bench.labelToPage.length) {
    process.stdout.write('\nlabel in view → product page (fake camera, 10 fps)\n');
    console.table(
      bench.labelToPage.map((l) => ({
        label: l.group,
        runs: l.samples.length,
        'p50 ms': round(percentile(l.samples, 50)),
        'p95 ms': round(percentile(l.samples, 95)),
        error: l.error ?? '',
      })),
    );
  }
}

function corpusResults(bench: CorpusBench): BenchResult[] {
  const results: BenchResult[] = [];
  for (const [kind, rows] of Object.entries(bench.scores)) {
    const total = rows.find((r) => r.group === 'total')!;
    const matrix = rows.find((r) => r.group === 'gs1-datamatrix');
    const detail = Object.fromEntries(
      rows.map((r) => [
        r.group,
        `${r.readPct} % read, ${r.wrongReads} wrong, ${r.wrongProductsOpened} wrong opened`,
      ]),
    );
    const name = `scan corpus (${bench.size}, ${total.frames} frames), ${kind}`;
    results.push(
      {
        name: `${name}: frames read`,
        metric: 'read',
        value: total.readPct,
        unit: '%',
        target: '≥ 85 %',
        pass: total.readPct >= 85,
        detail,
      },
      {
        name: `${name}: GS1 Data Matrix frames read`,
        metric: 'read',
        value: matrix?.readPct ?? Number.NaN,
        unit: '%',
        target: '≥ 95 %',
        pass: (matrix?.readPct ?? 0) >= 95,
      },
      {
        name: `${name}: wrong products opened`,
        metric: 'count',
        value: total.wrongProductsOpened,
        unit: 'labels',
        target: '0',
        pass: total.wrongProductsOpened === 0,
        detail: {
          labels: total.labels,
          openedRight: total.openedRight,
          notOpened: total.notOpened,
        },
      },
      {
        name: `${name}: decode of a 640×480 frame in its worker`,
        metric: 'p95',
        value: total.decodeP95,
        unit: 'ms',
        target: '≤ 5 ms',
        pass: total.decodeP95 <= 5,
        detail: {
          p50: total.decodeP50,
          fastP95: total.fastP95,
          thoroughP95: total.thoroughP95,
          pixelsReadBackP50: total.pixelsP50,
          pixelsReadBackP95: total.pixelsP95,
          load: bench.load,
        },
      },
    );
  }
  for (const label of bench.labelToPage) {
    const p95 = percentile(label.samples, 95);
    results.push({
      name: `camera: ${label.group} label in view → product page (corpus "webcam" label, fake camera)`,
      metric: 'p95',
      value: round(p95),
      unit: 'ms',
      target: '≤ 500 ms',
      pass: !label.error && p95 <= 500,
      detail: {
        n: label.samples.length,
        p50: round(percentile(label.samples, 50)),
        ...(label.error ? { error: label.error } : {}),
      },
    });
  }
  return results;
}

export async function benchScanCorpus(
  size: CorpusSize = 'full',
  labelRuns = 5,
): Promise<BenchResult[]> {
  const before = loadavg()[0]!;
  const scored = await scoreCorpus(size);
  const labelToPage = await timeLabelsToPage(labelRuns);
  const bench: CorpusBench = {
    size,
    ...scored,
    labelToPage,
    load: `${before.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
  };
  printCorpusTables(bench);
  const outDir = join(REPO_ROOT, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    join(outDir, 'scan-corpus.json'),
    `${JSON.stringify({ date: new Date().toISOString(), ...bench }, null, 2)}\n`,
  );
  return corpusResults(bench);
}
