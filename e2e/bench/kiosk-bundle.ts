// The kiosk renderer's built files (kiosk/dist), raw and gzipped: what the
// first paint needs (index.html, main JS and CSS) and what loads later.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../support/test-server';
import { round, type BenchResult } from './stats';

export function kioskBundleSizes(): BenchResult[] {
  const dist = join(REPO_ROOT, 'kiosk/dist');
  const files = [
    'index.html',
    'sw.js',
    ...readdirSync(join(dist, 'assets')).map((f) => `assets/${f}`),
  ]
    .filter((file) => !file.endsWith('.map') && statSync(join(dist, file)).isFile())
    .map((file) => {
      const bytes = readFileSync(join(dist, file));
      return { file, kb: bytes.length / 1024, gzipKb: gzipSync(bytes).length / 1024 };
    });
  if (!files.some((f) => f.file.startsWith('assets/main-')))
    throw new Error('bench: kiosk/dist has no main bundle (npm run build --workspace kiosk)');
  const initial = files.filter((f) => f.file === 'index.html' || f.file.startsWith('assets/main-'));
  const sum = (list: typeof files, key: 'kb' | 'gzipKb') =>
    round(list.reduce((total, f) => total + f[key], 0));
  const detail = Object.fromEntries(
    files.map((f) => [
      f.file.replace(/-[\w-]{8}\./, '.'),
      `${round(f.kb)} KB (${round(f.gzipKb)} KB gz)`,
    ]),
  );
  return [
    {
      name: 'kiosk renderer: first-load files (html + main js + css), gzipped',
      metric: 'size',
      value: sum(initial, 'gzipKb'),
      unit: 'KB',
      target: '(reported)',
      pass: true,
      detail: { raw: `${sum(initial, 'kb')} KB`, ...detail },
    },
    {
      name: 'kiosk renderer: all files (workers, lazy 3D view), gzipped',
      metric: 'size',
      value: sum(files, 'gzipKb'),
      unit: 'KB',
      target: '(reported)',
      pass: true,
      detail: { raw: `${sum(files, 'kb')} KB` },
    },
  ];
}
