// npm run import -- --products products.tsv [--inventory stock.tsv] [--food food.tsv] [--stores stores.tsv]
//   [--full | --incremental] [--language fr|en]
//   (--store https://store.local:8443 [--user manager] | --data ./data)
// Prints what the import did; exits 0 when applied, 2 when refused, 1 otherwise.
import { parseArgs } from 'node:util';
import {
  ApiCallError,
  FEED_KINDS,
  ImportOptions,
  type FeedKind,
  type ImportJob,
} from '@vitrine/shared/core';
import { DataDirBusy } from '../db/data-lock';
import { importOffline } from './cli-offline';
import { importRemote, remoteTarget } from './cli-remote';

const USAGE = `Usage: npm run import -- --products FILE [--inventory FILE] [--food FILE] [--stores FILE]
         [--full | --incremental] [--language fr|en]
         (--store URL [--user ID] | --data DIR [--store-code CODE]) [--currency CODE] [--time-zone ZONE]

  --stores        the chain's stores (store_code, name, address, city, time_zone, currency,
                  latitude, longitude): each becomes a location

  --full          the feed is the whole catalogue: products it lacks are withdrawn (default)
  --incremental   only what the files name changes; nothing is withdrawn
  --language      the language of the plain columns (title, description); default fr
  --store URL     a running store server; credentials from VITRINE_TOKEN (a staff session or
                  the admin token), or --user with VITRINE_PASSWORD (a manager)
  --data DIR      a stopped store server's data folder (refused while its server runs)
  --store-code    with --data: this store's code (the server's --store), so its own inventory
                  prices are the ones its screens show
  --currency, --time-zone   with --data: the store's, when its settings do not say`;

function summary(job: ImportJob): string {
  const lines = [`import ${job.id}: ${job.state}${job.reason ? ` (${job.reason})` : ''}`];
  for (const [file, counts] of Object.entries(job.counts ?? {})) {
    lines.push(
      `  ${file} (${counts.kind}): ${counts.lines} lines, ${counts.rejected} refused, ${counts.warnings} warnings`,
    );
  }
  for (const row of job.written ?? []) {
    lines.push(`  ${row.c}: ${row.written} written, ${row.withdrawn} withdrawn`);
  }
  const entries = job.firstEntries ?? [];
  if (entries.length > 0)
    lines.push(`  first problems (${job.totalEntries ?? entries.length} in all):`);
  for (const entry of entries.slice(0, 20)) {
    lines.push(`    ${entry.file}:${entry.line} ${entry.field} ${entry.action}: ${entry.problem}`);
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      products: { type: 'string' },
      inventory: { type: 'string' },
      food: { type: 'string' },
      stores: { type: 'string' },
      'store-code': { type: 'string' },
      full: { type: 'boolean' },
      incremental: { type: 'boolean' },
      language: { type: 'string' },
      store: { type: 'string' },
      user: { type: 'string' },
      data: { type: 'string' },
      currency: { type: 'string' },
      'time-zone': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const files: Partial<Record<FeedKind, string>> = {};
  for (const kind of FEED_KINDS) {
    if (values[kind]) files[kind] = values[kind];
  }
  const options = ImportOptions.safeParse({
    mode: values.incremental ? 'incremental' : 'full',
    language: values.language ?? 'fr',
  });
  const problem =
    values.help || Object.keys(files).length === 0
      ? 'give at least one feed file'
      : values.full && values.incremental
        ? 'either --full or --incremental'
        : !values.store === !values.data
          ? 'either --store URL or --data DIR'
          : !options.success
            ? '--language is fr or en'
            : undefined;
  if (problem || !options.success) {
    console.error(`${problem}\n\n${USAGE}`);
    return 64;
  }
  const job = values.store
    ? await importRemote(remoteTarget(values.store, values.user), files, options.data)
    : await importOffline(values.data!, files, options.data, {
        currency: values.currency,
        timeZone: values['time-zone'],
        storeId: values['store-code'],
      });
  console.log(summary(job));
  return job.state === 'applied' ? 0 : job.state === 'refused' ? 2 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DataDirBusy || error instanceof ApiCallError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
