// npm run export -- --out DIR [--format tsv|csv|xml]
//   (--store https://store.local:8443 [--user manager] | --data ./data)
// Writes the store's catalogue as its four feeds (products, inventory, food, stores)
// into DIR; `npm run import` reads them back. Exits 0 when written, 64 on bad
// arguments, 1 otherwise.
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import {
  ApiCallError,
  DEFAULT_CURRENCY,
  EXPORT_FORMATS,
  FEED_KINDS,
  type FeedKind,
  type StoreSettings,
} from '@vitrine/shared/core';
import { CatalogueStore } from '../catalogue/catalogue-store';
import { DataDirBusy, lockDataDir } from '../db/data-lock';
import { DATABASE_FILE, openDatabase } from '../db/database';
import { remoteTarget, signedInClient, type RemoteTarget } from '../import/cli-remote';
import { DocStore } from '../sync/doc-store';
import { exportFileName, writeCatalogueExport } from './catalogue-export';
import type { FeedFormat } from './feed-writer';

const USAGE = `Usage: npm run export -- --out DIR [--format tsv|csv|xml]
         (--store URL [--user ID] | --data DIR)

  --out DIR       where the products, inventory, food and stores feeds are written (made if missing)
  --format        tsv (default), csv or xml (RSS 2.0 with Google's g: namespace)
  --store URL     a running store server; credentials from VITRINE_TOKEN (a staff session or
                  the admin token), or --user with VITRINE_PASSWORD (a manager)
  --data DIR      a stopped store server's data folder (refused while its server runs)`;

type Files = Record<FeedKind, string>;

async function exportRemote(target: RemoteTarget, out: string, format: FeedFormat) {
  const client = await signedInClient(target);
  await mkdir(out, { recursive: true });
  const files = {} as Files;
  for (const kind of FEED_KINDS) {
    const response = await client.imports.exportFeed({ params: { kind }, query: { format } });
    files[kind] = join(out, exportFileName(kind, format));
    await pipeline(Readable.fromWeb(response.body!), createWriteStream(files[kind]));
  }
  return files;
}

async function exportOffline(dataDir: string, out: string, format: FeedFormat) {
  if (!existsSync(join(dataDir, DATABASE_FILE)))
    throw new Error(`${dataDir} holds no store data (${DATABASE_FILE})`);
  const lock = lockDataDir(dataDir);
  const db = openDatabase(dataDir);
  try {
    const docs = new DocStore(db);
    // The server writes its settings under its store code at every start.
    const storeId = db
      .prepare(`SELECT id FROM sync_docs WHERE collection = 'settings' AND deleted = 0 LIMIT 1`)
      .pluck()
      .get() as string | undefined;
    if (storeId === undefined) throw new Error(`${dataDir}: its store server never started`);
    const currency = docs.get<StoreSettings>('settings', storeId)?.currency ?? DEFAULT_CURRENCY;
    return await writeCatalogueExport(
      { db, docs, catalogue: new CatalogueStore(db, docs), currency, storeId },
      out,
      format,
    );
  } finally {
    db.close();
    lock.release();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      format: { type: 'string' },
      store: { type: 'string' },
      user: { type: 'string' },
      data: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const format = (values.format ?? 'tsv') as FeedFormat;
  const problem =
    values.help || !values.out
      ? 'give --out DIR'
      : !EXPORT_FORMATS.includes(format)
        ? '--format is tsv, csv or xml'
        : !values.store === !values.data
          ? 'either --store URL or --data DIR'
          : undefined;
  if (problem) {
    console.error(`${problem}\n\n${USAGE}`);
    return 64;
  }
  const started = performance.now();
  const files = values.store
    ? await exportRemote(remoteTarget(values.store, values.user), values.out!, format)
    : await exportOffline(values.data!, values.out!, format);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`exported in ${seconds} s:\n${Object.values(files).join('\n')}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DataDirBusy || error instanceof ApiCallError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
