// One import of the chain's catalogue at head office, start to end (16-plan §3.4): stage every
// feed with the store's own readers (node/feed), hold it to the bad-line policy, build the chain
// documents and each store's prices that change, then write them and their link messages in one
// transaction. Until it commits head office keeps its catalogue as it was; a refused import
// changes nothing and sends nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_IMPORT_POLICY,
  policyRefusalMessage,
  reported,
  type FeedKind,
  type FeedLanguage,
  type ImportMode,
  type ImportPolicy,
  type ReportEntry,
} from '@vitrine/shared/core';
import { FeedError, stageFeed, Staging, type StagedCounts } from '@vitrine/shared/node';
import type { Pool } from '../db/pool';
import { inTransaction } from '../db/transaction';
import { buildChainDocs } from './build-chain-docs';
import { buildStorePrices } from './chain-prices';
import { writeChainImport } from './write-chain';

export type ChainImportRequest = {
  /** Feed files by kind, at least one. */
  files: Partial<Record<FeedKind, string>>;
  mode: ImportMode;
  language: FeedLanguage;
  /** The chain's currency and zone: a price in another currency is refused, local dates read in the zone. */
  currency: string;
  timeZone: string;
  policy?: ImportPolicy;
};

export type ChainImportOutcome = {
  state: 'applied' | 'refused';
  reason?: string;
  files: Record<string, StagedCounts & { kind: FeedKind }>;
  /** Chain documents written and withdrawn, store prices set or cleared, link messages queued. */
  written: number;
  withdrawn: number;
  storePrices: number;
  messages: number;
  firstEntries: ReportEntry[];
  totalEntries: number;
  /** Where the time went, in ms. */
  phases: Record<string, number>;
};

const KIND_ORDER: FeedKind[] = ['stores', 'products', 'food', 'inventory'];
const FIRST_ENTRIES = 100;

export async function importChainCatalogue(
  pool: Pool,
  request: ChainImportRequest,
): Promise<ChainImportOutcome> {
  const workDir = mkdtempSync(join(tmpdir(), 'vitrine-hq-import-'));
  const staging = new Staging(join(workDir, 'staging.sqlite'));
  const phases: Record<string, number> = {};
  let at = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    phases[phase] = Math.round(now - at);
    at = now;
  };
  const outcome = (
    state: ChainImportOutcome['state'],
    counts: Partial<ChainImportOutcome> = {},
  ): ChainImportOutcome => ({
    state,
    files: staging.counts(),
    written: 0,
    withdrawn: 0,
    storePrices: 0,
    messages: 0,
    firstEntries: staging.report(FIRST_ENTRIES),
    totalEntries: staging.reportSize(),
    phases,
    ...counts,
  });
  try {
    const names: Partial<Record<FeedKind, string>> = {};
    for (const kind of KIND_ORDER) {
      const path = request.files[kind];
      if (path === undefined) continue;
      const file = path.split(/[\\/]/).at(-1)!;
      names[kind] = file;
      try {
        await stageFeed(staging, path, kind, {
          file,
          currency: request.currency,
          timeZone: request.timeZone,
        });
      } catch (error) {
        if (error instanceof FeedError)
          return outcome('refused', { reason: `${file}: ${error.message}` });
        throw error;
      }
      lap(`stage:${kind}`);
    }
    const policy = request.policy ?? DEFAULT_IMPORT_POLICY;
    const refusal = policyRefusalMessage(staging.counts(), policy, request.mode);
    if (refusal) return outcome('refused', { reason: reported(refusal).problem });

    const docs = await buildChainDocs(pool, staging, {
      mode: request.mode,
      language: request.language,
      files: names,
    });
    const prices = await buildStorePrices(pool, staging, request.mode, docs);
    lap('build');
    const messages = await inTransaction(pool, (client) => writeChainImport(client, docs, prices));
    lap('apply');
    return outcome('applied', {
      written: docs.filter((doc) => doc.body !== null).length,
      withdrawn: docs.filter((doc) => doc.body === null).length,
      storePrices: prices.upserts.length + prices.deletes.length,
      messages,
    });
  } finally {
    staging.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}
