// The handlers of head office's `catalogue` routes: an uploaded feed is spooled to a file of its
// own (a 1 GB inventory never sits in memory), imported into the chain's catalogue, and removed.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '@vitrine/shared/node';
import type { Pool } from '../db/pool';
import type { HqHandlers } from '../http/register-api';
import { importChainCatalogue } from './import-chain';

export function catalogueHandlers(deps: { pool: Pool; log: Logger }): HqHandlers['catalogue'] {
  const { pool, log } = deps;
  return {
    importFeed: async ({ req, params, query }) => {
      const dir = mkdtempSync(join(tmpdir(), 'vitrine-hq-feed-'));
      // The name shows in the report; only its last part, so it can never leave the folder.
      const file = join(dir, basename(query.name ?? `${params.kind}.feed`));
      try {
        await pipeline(req, createWriteStream(file));
        const outcome = await importChainCatalogue(pool, {
          files: { [params.kind]: file },
          mode: query.mode,
          language: query.language,
          currency: query.currency,
          timeZone: query.timeZone,
        });
        log.info(
          {
            kind: params.kind,
            mode: query.mode,
            state: outcome.state,
            reason: outcome.reason,
            written: outcome.written,
            withdrawn: outcome.withdrawn,
            storePrices: outcome.storePrices,
            messages: outcome.messages,
            phases: outcome.phases,
          },
          'chain catalogue import',
        );
        const { files, ...answer } = outcome;
        void files;
        return answer;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
