// A chain's whole catalogue through the import routes of a running store
// server (its own process, as in a store): 100k products in 300k variants and
// a local inventory of 5M lines (50 stores × 100k items), uploaded and applied
// as one full import. Measured in the server process: the wall time from
// "run" to "applied", the peak RSS (VmHWM), and how long scans wait while it
// imports (a by-code look-up every 50 ms; its delay is the event loop's lag).
import { createWriteStream, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { apiRoutes, callRoute, makeGtin13, routeUrl, type ImportJob } from '@vitrine/shared/core';
import { importRemote } from '../../store-server/src/import/cli-remote';
import { freePort, spawnServer, TEST_ADMIN_TOKEN } from '../support/server-process';
import { freshDataDir } from '../support/test-server';
import { percentile, round, type BenchResult } from './stats';

export type ChainSize = { products: number; variantsPerProduct: number; stores: number };
export const FULL_CHAIN: ChainSize = { products: 100_000, variantsPerProduct: 3, stores: 50 };

/**
 * The chain to bench: the full one, or `BENCH_IMPORT_SIZE=products:variants:stores`
 * (e.g. `10000:3:50`, 500k inventory lines) to profile at a smaller scale.
 */
export function benchChainSize(text = process.env.BENCH_IMPORT_SIZE): ChainSize {
  if (!text) return FULL_CHAIN;
  const [products, variantsPerProduct, stores] = text.split(':').map(Number);
  if (!products || !variantsPerProduct || !stores || variantsPerProduct > SIZES.length)
    throw new Error(`BENCH_IMPORT_SIZE: products:variants:stores (variants ≤ 4), not ${text}`);
  return { products, variantsPerProduct, stores };
}

const SIZES = ['S', 'M', 'L', 'XL'];
const STORE_CODE = (store: number) => `S${String(store).padStart(3, '0')}`;

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/**
 * Product, inventory and stores feeds of a generated chain. Each store stocks
 * every item of one product in three (5M lines for 50 stores at full size),
 * and one line in ten carries that store's own price.
 */
export async function writeChainFeeds(dir: string, size: ChainSize) {
  const item = (p: number, v: number) => `P${String(p).padStart(6, '0')}-${SIZES[v]}`;
  const gtinOf = (p: number, v: number) => makeGtin13(`30${String(p * 10 + v).padStart(10, '0')}`);
  const products = join(dir, 'products.tsv');
  const inventory = join(dir, 'inventory.tsv');
  const stores = join(dir, 'stores.tsv');
  await writeLines(
    products,
    (function* () {
      yield 'id\titem_group_id\ttitle\tprice\tgtin\tsize\tbrand\tproduct_type\n';
      for (let p = 0; p < size.products; p++) {
        for (let v = 0; v < size.variantsPerProduct; v++) {
          const gtin = gtinOf(p, v);
          const price = (9.9 + (p % 50) + v).toFixed(2);
          yield `${item(p, v)}\tP${p}\tArticle ${p} taille ${SIZES[v]}\t${price} EUR\t${gtin}\t${SIZES[v]}\tMarque ${p % 300}\tRayon ${p % 40} > Famille ${p % 400}\n`;
        }
      }
    })(),
  );
  await writeLines(
    inventory,
    (function* () {
      yield 'store_code\tid\tquantity\tprice\tinstore_product_location\n';
      for (let s = 0; s < size.stores; s++) {
        for (let p = 0; p < size.products; p++) {
          if ((p + s) % 3 !== 0 && size.stores > 3) continue;
          for (let v = 0; v < size.variantsPerProduct; v++) {
            const local = (p + v + s) % 10 === 0 ? `${(8.5 + (p % 50) + v).toFixed(2)} EUR` : '';
            yield `${STORE_CODE(s)}\t${item(p, v)}\t${(p * 7 + s + v) % 40}\t${local}\tA${p % 30}\n`;
          }
        }
      }
    })(),
  );
  await writeLines(
    stores,
    (function* () {
      yield 'store_code\tname\taddress\tcity\ttime_zone\tcurrency\n';
      for (let s = 0; s < size.stores; s++) {
        yield `${STORE_CODE(s)}\tMagasin ${s}\t${s} rue du Commerce\tVille ${s}\tEurope/Paris\tEUR\n`;
      }
    })(),
  );
  return { products, inventory, stores, firstGtin: gtinOf(0, 0) };
}

/** The server's peak resident set (kB → MB), from /proc. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return round(kb / 1024, 0);
}

/** CPU seconds the process has used (user + system), from /proc: the machine's load does not change it. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat (11 and 12 after the command), in clock ticks.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export type ImportRun = {
  job: ImportJob;
  seconds: number;
  /** CPU seconds of the server process during the import. */
  cpuSeconds: number;
  peakRssMb: number;
  scans: number;
  failedScans: number;
  scanP99Ms: number;
  scanMaxMs: number;
  /** How long the server took to exit on SIGTERM after the import (null: not within a minute). */
  exitSeconds: number | null;
  /** The first product's scan once the import is over: what a kiosk gets. */
  firstProduct: { id: string; variants: number; stock: Record<string, number> };
};

/** Imports a generated chain into a fresh server process and measures it there. */
export async function runChainImport(size: ChainSize, label = 'vitrine-bench-import') {
  const dataDir = freshDataDir(label);
  const feeds = await writeChainFeeds(dataDir, size);
  const server = await spawnServer({
    dataDir,
    scale: 100,
    httpPort: await freePort(),
    mqttPort: await freePort(),
    // BENCH_IMPORT_PROFILE=DIR: a CPU profile of the server process, written there when it stops.
    ...(process.env.BENCH_IMPORT_PROFILE && {
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_IMPORT_PROFILE}`],
    }),
  });
  const scanUrl = (code: string) =>
    routeUrl(server.url, apiRoutes.stock.byCode, { params: { code } });
  const scanTimes: number[] = [];
  let failedScans = 0;
  let scanning = true;
  // A scan every 50 ms of the feed's first code (unknown until the import lands: a 404, as quick).
  const scanner = (async () => {
    while (scanning) {
      const started = performance.now();
      try {
        await fetch(scanUrl(feeds.firstGtin), {
          headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
        }).then((response) => response.arrayBuffer());
        scanTimes.push(performance.now() - started);
      } catch {
        // A reset connection (the server's loop held past its keep-alive): counted, and the time
        // it waited counts too, else the longest holds would leave the figures.
        failedScans += 1;
        scanTimes.push(performance.now() - started);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    const started = performance.now();
    const cpuBefore = cpuSeconds(server.child.pid!);
    const job = await importRemote(
      { url: server.url, token: TEST_ADMIN_TOKEN },
      { stores: feeds.stores, products: feeds.products, inventory: feeds.inventory },
      { mode: 'full', language: 'fr' },
    );
    const seconds = round((performance.now() - started) / 1000);
    const cpu = round(cpuSeconds(server.child.pid!) - cpuBefore);
    scanning = false;
    await scanner;
    const scanned = await callRoute(
      { baseUrl: server.url, authorization: () => `Bearer ${TEST_ADMIN_TOKEN}` },
      apiRoutes.stock.byCode,
      { params: { code: feeds.firstGtin } },
    );
    const firstVariant = scanned.product.variants[0]!.id;
    const firstProduct = {
      id: scanned.product.id,
      variants: scanned.product.variants.length,
      stock: Object.fromEntries(
        (scanned.stock?.levels ?? []).map((level) => [
          level.locationId,
          level.quantities[firstVariant] ?? -1,
        ]),
      ),
    };
    const run: ImportRun = {
      job,
      seconds,
      cpuSeconds: cpu,
      peakRssMb: peakRssMb(server.child.pid!),
      scans: scanTimes.length,
      failedScans,
      scanP99Ms: round(percentile(scanTimes, 99), 0),
      scanMaxMs: round(Math.max(...scanTimes), 0),
      firstProduct,
      exitSeconds: null,
    };
    // Once a server did not exit on SIGTERM after a 100k import (15-import-perf.md): timed here.
    const stopping = performance.now();
    const exited = await Promise.race([
      server.kill('SIGTERM').then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 60_000).unref()),
    ]);
    if (exited) run.exitSeconds = round((performance.now() - stopping) / 1000);
    else await server.kill('SIGKILL');
    return { run, dataDir, server };
  } finally {
    scanning = false;
    await scanner.catch(() => undefined);
    await server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The import's phases (ms → s), in the order they ran. */
export function phaseSeconds(job: ImportJob): Record<string, number> {
  return Object.fromEntries(
    Object.entries(job.phases ?? {}).map(([phase, ms]) => [phase, round(ms / 1000)]),
  );
}

export async function benchImport(size = benchChainSize()): Promise<BenchResult[]> {
  const load = round(loadavg()[0]!);
  const { run } = await runChainImport(size);
  const phases = phaseSeconds(run.job);
  const stalls = run.job.loopStalls ?? {};
  const longestStall = Math.max(0, ...Object.values(stalls));
  process.stdout.write(
    `import phases (s): ${Object.entries(phases)
      .map(([phase, s]) => `${phase} ${s}`)
      .join(', ')}; server CPU ${run.cpuSeconds} s; load ${load} → ${round(loadavg()[0]!)}\n` +
      `longest event-loop stall per phase (ms): ${Object.entries(stalls)
        .map(([phase, ms]) => `${phase} ${ms}`)
        .join(
          ', ',
        )}; scans ${run.scans} answered ${run.scans - run.failedScans}, failed ${run.failedScans}, max ${run.scanMaxMs} ms; exit on SIGTERM ${run.exitSeconds ?? 'not within 60'} s\n`,
  );
  const lines = size.products * size.variantsPerProduct;
  const detail = {
    state: run.job.state,
    products: size.products,
    variants: lines,
    inventoryLines: Object.values(run.job.counts ?? {})
      .filter((counts) => counts.kind === 'inventory')
      .reduce((sum, counts) => sum + counts.lines, 0),
    scans: run.scans,
    failedScans: run.failedScans,
    load,
    cpuSeconds: run.cpuSeconds,
    longestStallMs: longestStall,
    exitSeconds: run.exitSeconds ?? 'not within 60 s',
    ...Object.fromEntries(Object.entries(phases).map(([phase, s]) => [`${phase} s`, s])),
  };
  return [
    {
      name: `import: ${size.products / 1000}k products + ${lines / 1000}k variants + inventory (${size.stores} stores)`,
      metric: 'wall time',
      value: run.seconds,
      unit: 's',
      target: '≤ 90 s',
      pass: run.job.state === 'applied' && run.seconds <= 90,
      detail,
    },
    {
      name: 'import: peak RSS of the server process',
      metric: 'VmHWM',
      value: run.peakRssMb,
      unit: 'MB',
      target: '≤ 600 MB',
      pass: run.peakRssMb <= 600,
      detail,
    },
    {
      name: "import: the server's longest event-loop stall while importing",
      metric: 'max',
      value: longestStall,
      unit: 'ms',
      target: '(reported; per phase in the job: loopStalls)',
      pass: true,
      detail: {
        ...detail,
        ...Object.fromEntries(Object.entries(stalls).map(([p, ms]) => [`stall ${p} ms`, ms])),
      },
    },
    {
      name: 'import: a scan while importing (event-loop lag)',
      metric: 'p99',
      value: run.scanP99Ms,
      unit: 'ms',
      target: '(reported; max and failed scans in detail)',
      pass: true,
      detail: { ...detail, maxMs: run.scanMaxMs },
    },
  ];
}
