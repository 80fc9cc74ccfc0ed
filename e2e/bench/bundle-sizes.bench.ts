// Bundle sizes of every built web app (npm run bench builds them first): per
// page, what the first load downloads (HTML + JS + CSS, raw and gzipped) and
// what the page fetches later (lazy chunks, workers, wasm), with the npm
// packages each part carries, so a heavy library in the wrong place shows.
import { join } from 'node:path';
import { REPO_ROOT } from '../support/test-server';
import {
  builtFiles,
  pageLoad,
  totalBytes,
  type BuiltFile,
  type PageLoad,
} from '../support/first-load';
import { round, type BenchResult } from './stats';

type App = { name: string; dist: string; base: string };

const APPS: App[] = [
  { name: 'kiosk', dist: 'kiosk/dist', base: '/kiosk/' },
  { name: 'signage', dist: 'signage/dist', base: '/signage/' },
  { name: 'mirror', dist: 'mirror/dist', base: '/mirror/' },
  { name: 'console', dist: 'store-server/console/dist', base: '/console/' },
];

/** The issue 14 target: the staff console carries only what it uses. */
export const STAFF_CONSOLE_BUDGET_KB = 200;

/** Packages worth naming when they ride along: each costs tens of KB or more. */
const HEAVY = ['mqtt', 'dexie', 'three', '@zxing/library', 'zxing-wasm', 'minisearch', 'chart.js'];

export async function benchBundleSizes(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const app of APPS) {
    const dist = join(REPO_ROOT, app.dist);
    const pages = builtFiles(dist).filter((file) => file.endsWith('.html'));
    for (const page of pages) {
      results.push(pageResult(app, await pageLoad(dist, app.base, page)));
    }
  }
  return results;
}

function pageResult(app: App, load: PageLoad): BenchResult {
  const kb = (files: readonly BuiltFile[], key: 'bytes' | 'gzipBytes') =>
    round(totalBytes(files, key) / 1024);
  const of = (files: readonly BuiltFile[], kind: BuiltFile['kind']) =>
    files.filter((file) => file.kind === kind);
  const later = load.later.filter((file) => file.kind !== 'wasm');
  const wasm = of(load.later, 'wasm');
  const page = load.page.replace(/\.html$/, '');
  const isStaff = app.name === 'console' && page === 'staff';
  const firstLoadKb = kb(load.firstLoad, 'gzipBytes');
  return {
    name: `bundle: ${app.name}/${page} first load (html + js + css), gzipped`,
    metric: 'size',
    value: firstLoadKb,
    unit: 'KB',
    target: isStaff ? `≤ ${STAFF_CONSOLE_BUDGET_KB} KB` : '(reported)',
    pass: !isStaff || firstLoadKb <= STAFF_CONSOLE_BUDGET_KB,
    detail: {
      firstLoadRaw: `${kb(load.firstLoad, 'bytes')} KB`,
      firstLoadJs: `${kb(of(load.firstLoad, 'js'), 'bytes')} KB (${kb(of(load.firstLoad, 'js'), 'gzipBytes')} KB gz)`,
      firstLoadCss: `${kb(of(load.firstLoad, 'css'), 'bytes')} KB (${kb(of(load.firstLoad, 'css'), 'gzipBytes')} KB gz)`,
      firstLoadHeavy: heavyIn(load.firstLoad),
      later: `${kb(later, 'bytes')} KB (${kb(later, 'gzipBytes')} KB gz), ${later.length} files`,
      laterHeavy: heavyIn(later),
      wasm: `${kb(wasm, 'bytes')} KB (${kb(wasm, 'gzipBytes')} KB gz)`,
      files: load.firstLoad.map((file) => file.path.replace(/-[\w-]{8}\./, '.')).join(' '),
    },
  };
}

function heavyIn(files: readonly BuiltFile[]): string {
  const found = HEAVY.filter((name) => files.some((file) => file.sources.includes(name)));
  return found.length ? found.join(', ') : 'none';
}
