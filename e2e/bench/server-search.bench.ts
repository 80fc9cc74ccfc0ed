// Staff searching stock by name at the desk, and an expert looking up a
// product: the store server's search over the 20k-product demo, timed through
// HTTP from this process while the server runs in its own (the console is
// another machine in a store). Queries are the ones people type: a word, two
// words in any order, each prefix of a word while typing, a whole name with
// and without its accents, a barcode.
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { apiRoutes, routeUrl } from '@vitrine/shared/core';
import { signIn } from '../staff/staff-helpers';
import { freePort, spawnServer } from '../support/server-process';
import { freshDataDir } from '../support/test-server';
import { percentile, round, type BenchResult } from './stats';

type Kind = 'word' | 'two words' | 'typing' | 'no accents' | 'accents' | 'gtin';
/** `finds`: the product's id (a barcode), or `some` (a whole name: names repeat across brands). */
type Query = { kind: Kind; q: string; finds?: string };

const SAMPLED_PRODUCTS = 12;
const ROUNDS = 3;
const TARGET_P95_MS = 30;

const unaccented = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

/** The queries a person would type for a product, from its French name and code. */
function queriesFor(product: { id: string; name: string; gtin: string }): Query[] {
  const words = product.name.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 2);
  const longest = [...words].sort((a, b) => b.length - a.length)[0] ?? product.name;
  const first = words[0] ?? longest;
  const typing = Array.from({ length: Math.min(first.length, 6) - 1 }, (_, i) => ({
    kind: 'typing' as const,
    q: first.slice(0, i + 2),
  }));
  return [
    { kind: 'word', q: longest.toLowerCase() },
    { kind: 'two words', q: words.slice(0, 2).reverse().join(' ') },
    ...typing,
    { kind: 'no accents', q: unaccented(product.name).toUpperCase(), finds: 'some' },
    { kind: 'accents', q: product.name, finds: 'some' },
    { kind: 'gtin', q: product.gtin, finds: product.id },
  ];
}

/** Products spread over the whole catalogue, read from the server's own database. */
function sampledProducts(dataDir: string): { id: string; name: string; gtin: string }[] {
  const db = new Database(join(dataDir, 'store.sqlite'), { readonly: true });
  try {
    const count = db
      .prepare(`SELECT COUNT(*) FROM sync_docs WHERE collection = 'products' AND deleted = 0`)
      .pluck()
      .get() as number;
    const at = db.prepare(
      `SELECT id, json_extract(body, '$.name.fr') AS name, json_extract(body, '$.gtin') AS gtin
       FROM sync_docs WHERE collection = 'products' AND deleted = 0 ORDER BY id LIMIT 1 OFFSET ?`,
    );
    return Array.from(
      { length: SAMPLED_PRODUCTS },
      (_, i) =>
        at.get(Math.floor(((i + 0.5) * count) / SAMPLED_PRODUCTS)) as {
          id: string;
          name: string;
          gtin: string;
        },
    );
  } finally {
    db.close();
  }
}

export async function benchServerSearch(scale = 20_000): Promise<BenchResult[]> {
  const dataDir = freshDataDir('vitrine-bench-search');
  const server = await spawnServer({
    dataDir,
    scale,
    httpPort: await freePort(),
    mqttPort: await freePort(),
  });
  try {
    const [staff, expert] = await Promise.all([
      signIn(server, 'staff'),
      signIn(server, 'expert-julie-mercier'),
    ]);
    const queries = sampledProducts(dataDir).flatMap(queriesFor);
    const staffSearch = (q: string) =>
      routeUrl(server.url, apiRoutes.stock.check, { query: { q } });
    // The experts' product search is not in the route table yet.
    const expertSearch = (q: string) =>
      `${server.url}/api/v1/experts/products?q=${encodeURIComponent(q)}`;
    const ask = async (search: (q: string) => string, token: string, query: Query) => {
      const url = search(query.q);
      const path = new URL(url).pathname;
      const started = performance.now();
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      const body = (await response.json()) as {
        results?: { product: { id: string } }[];
        products?: { id: string }[];
      };
      const ms = performance.now() - started;
      if (response.status !== 200)
        throw new Error(`${path} "${query.q}" answered ${response.status}`);
      const ids =
        body.results?.map((result) => result.product.id) ?? body.products?.map((p) => p.id);
      // A search that finds nothing would be a fast bench of nothing.
      const found = query.finds === 'some' ? ids?.length : ids?.includes(query.finds ?? '');
      if (query.finds && !found) throw new Error(`${path} "${query.q}" found nothing`);
      return ms;
    };
    for (const query of queries) await ask(staffSearch, staff, query); // warm-up
    const staffMs = new Map<Kind, number[]>();
    const expertMs: number[] = [];
    const load = [loadavg()[0]!];
    for (let round = 0; round < ROUNDS; round++) {
      for (const query of queries) {
        const ms = await ask(staffSearch, staff, query);
        staffMs.set(query.kind, [...(staffMs.get(query.kind) ?? []), ms]);
        if (query.kind !== 'gtin') expertMs.push(await ask(expertSearch, expert, query));
      }
    }
    load.push(loadavg()[0]!);
    const all = [...staffMs.values()].flat();
    const p95 = percentile(all, 95);
    const expertP95 = percentile(expertMs, 95);
    const byKind = Object.fromEntries(
      [...staffMs].map(([kind, samples]) => [
        kind,
        `p50 ${round(percentile(samples, 50))} / p95 ${round(percentile(samples, 95))} ms`,
      ]),
    );
    const loadAverage = load.map((value) => value.toFixed(1)).join(' → ');
    return [
      {
        name: `server search: staff stock by name (${scale} products, HTTP)`,
        metric: 'p95',
        value: round(p95),
        unit: 'ms',
        target: `≤ ${TARGET_P95_MS} ms`,
        pass: p95 <= TARGET_P95_MS,
        detail: {
          median: round(percentile(all, 50)),
          searches: all.length,
          ...byKind,
          loadAverage,
        },
      },
      {
        name: `server search: expert product cards (${scale} products, HTTP)`,
        metric: 'p95',
        value: round(expertP95),
        unit: 'ms',
        target: `≤ ${TARGET_P95_MS} ms`,
        pass: expertP95 <= TARGET_P95_MS,
        detail: { median: round(percentile(expertMs, 50)), searches: expertMs.length, loadAverage },
      },
    ];
  } finally {
    await server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
