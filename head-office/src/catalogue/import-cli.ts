// npm run hq-import -- --database-url <url> --mode full
//   [--products f] [--food f] [--stores f] [--inventory f] [--language fr] [--currency EUR]
//   [--time-zone Europe/Paris]
// Imports feed files from disk into the chain's catalogue, as the admin route does with one
// uploaded file, and prints the outcome as JSON. The head-office server's publisher sends the
// changes to the stores (it runs wherever a head-office process holds the `publisher` role).
import { parseArgs } from 'node:util';
import { FEED_KINDS, type FeedKind } from '@vitrine/shared/core';
import { createPool } from '../db/pool';
import { migrate } from '../db/migrations';
import { headOfficeMigrations } from '../schema';
import { importChainCatalogue } from './import-chain';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      mode: { type: 'string' },
      language: { type: 'string', default: 'fr' },
      currency: { type: 'string', default: 'EUR' },
      'time-zone': { type: 'string', default: 'Europe/Paris' },
      products: { type: 'string' },
      food: { type: 'string' },
      stores: { type: 'string' },
      inventory: { type: 'string' },
    },
  });
  const url = values['database-url'] ?? process.env.VITRINE_HQ_DATABASE_URL;
  const mode = values.mode;
  const language = values.language;
  const files: Partial<Record<FeedKind, string>> = {};
  for (const kind of FEED_KINDS) if (values[kind]) files[kind] = values[kind];
  if (
    !url ||
    (mode !== 'full' && mode !== 'incremental') ||
    (language !== 'fr' && language !== 'en') ||
    Object.keys(files).length === 0
  ) {
    console.error(
      'usage: import-cli --database-url <url> --mode full|incremental [--language fr|en] --products|--food|--stores|--inventory <file>…',
    );
    return 2;
  }
  const pool = createPool(url, (error) => console.error(error.message), { max: 2 });
  try {
    await migrate(pool, headOfficeMigrations);
    const outcome = await importChainCatalogue(pool, {
      files,
      mode,
      language,
      currency: values.currency,
      timeZone: values['time-zone'],
    });
    console.log(JSON.stringify(outcome, null, 2));
    return outcome.state === 'applied' ? 0 : 1;
  } finally {
    await pool.end();
  }
}

process.exitCode = await main();
