// One catalogue import from feed files on disk, start to end: stage every
// file (read, checked line by line), hold it to the chain's bad-line policy,
// build the documents that change, and apply them in one transaction. Until
// that transaction commits the store keeps its catalogue as it was; a refused
// import changes nothing at all.
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import {
  policyRefusalMessage,
  reported,
  type CollectionName,
  type FeedKind,
  type FeedLanguage,
  type ImportMode,
  type ImportPolicy,
  entryText,
  type ReportEntry,
  type ReportMessage,
} from '@vitrine/shared/core';
import { LocalPrices } from '../catalogue/local-prices';
import { priceCorrections } from '../catalogue/price-corrections';
import type { Db } from '../db/database';
import type { ImageService } from '../images/image-domain';
import type { CommittedChange } from '../sync/doc-store';
import { applyImport } from './apply-import';
import { buildDocs, type BuildParts } from './build-docs';
import { FeedError, stageFeed, Staging, type StagedCounts } from '@vitrine/shared/node';

export type ImportRequest = {
  /** The feed files by kind; at least one. */
  files: Partial<Record<FeedKind, string>>;
  mode: ImportMode;
  /** The language of the feeds' plain columns. */
  language: FeedLanguage;
  policy: ImportPolicy;
  /** The store's currency and zone: a price in another currency is refused, local dates read in the zone. */
  currency: string;
  timeZone: string;
  /** This store's code: its own inventory prices are the ones its screens show. */
  storeId?: string;
  /** Who imports (the audit of a price correction the import overwrites names them). */
  by?: string;
  /** A folder of the import's own (its staging file goes there and is removed after). */
  workDir: string;
  /** Where the whole report is written as TSV, refused or applied. */
  reportPath?: string;
};

export type ImportProgress =
  | { phase: 'reading'; kind: FeedKind; bytesRead: number; totalBytes: number }
  | { phase: 'building'; done: number }
  | { phase: 'applying' };

export type ImportOutcome = {
  state: 'applied' | 'refused';
  /** Why a refused import was refused (English), and as a message when it has a code. */
  reason?: string;
  reasonMessage?: ReportMessage;
  files: Record<string, StagedCounts & { kind: FeedKind }>;
  /** Documents written and withdrawn per collection (none when refused). */
  written: { c: CollectionName; written: number; withdrawn: number }[];
  fromRev?: number;
  toRev?: number;
  /** The first entries of the report, in file and line order. */
  firstEntries: ReportEntry[];
  totalEntries: number;
  /** Where the time went, in ms: `stage:<kind>` per file, build, apply, localPrices, images, commit, announce. */
  phases: Record<string, number>;
};

export type ImportParts = Omit<BuildParts, 'localPrices'> & {
  db: Db;
  images: Pick<ImageService, 'keyOf' | 'want'>;
};

/** Told before the apply's write transaction opens (awaited) and once it has committed. */
export type ApplyHooks = {
  beforeApply?: () => Promise<void>;
  afterCommit?: (change: CommittedChange) => void;
};

/** Stores, then products: the food and stock lines name their items and stores. */
const KIND_ORDER: FeedKind[] = ['stores', 'products', 'food', 'inventory'];
const FIRST_ENTRIES = 1_000;

export async function importCatalogue(
  parts: ImportParts,
  request: ImportRequest,
  onProgress: (progress: ImportProgress) => void = () => {},
  hooks: ApplyHooks = {},
): Promise<ImportOutcome> {
  mkdirSync(request.workDir, { recursive: true });
  const staging = new Staging(join(request.workDir, 'staging.sqlite'));
  const phases: Record<string, number> = {};
  let at = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    phases[phase] = Math.round(now - at);
    at = now;
  };
  const outcome = (
    state: ImportOutcome['state'],
    reason?: string,
    reasonMessage?: ReportMessage,
  ): ImportOutcome => ({
    state,
    ...(reason === undefined ? {} : { reason }),
    ...(reasonMessage === undefined ? {} : { reasonMessage }),
    files: staging.counts(),
    written: [],
    firstEntries: staging.report(FIRST_ENTRIES),
    totalEntries: staging.reportSize(),
    phases,
  });
  const refused = (message: ReportMessage) =>
    outcome('refused', reported(message).problem, message);
  try {
    const names: Partial<Record<FeedKind, string>> = {};
    for (const kind of KIND_ORDER) {
      const path = request.files[kind];
      if (path === undefined) continue;
      const file = path.split(/[\\/]/).at(-1)!;
      names[kind] = file;
      try {
        await stageFeed(
          staging,
          path,
          kind,
          { file, currency: request.currency, timeZone: request.timeZone },
          (progress) => onProgress({ phase: 'reading', kind, ...progress }),
        );
      } catch (error) {
        if (error instanceof FeedError) return outcome('refused', `${file}: ${error.message}`);
        throw error;
      }
      lap(`stage:${kind}`);
    }
    const staged = policyRefusalMessage(staging.counts(), request.policy, request.mode);
    if (staged) return refused(staged);

    const localPrices = new LocalPrices(parts.db);
    const rebuildStock = await buildDocs(
      staging,
      { ...parts, localPrices },
      {
        mode: request.mode,
        language: request.language,
        files: names,
        ...(request.storeId !== undefined && { storeId: request.storeId }),
      },
      onProgress,
    );
    lap('build');
    // Lines the build refused (an item that belongs elsewhere) count against the policy too.
    const built = policyRefusalMessage(staging.counts(), request.policy, request.mode);
    if (built) return refused(built);

    onProgress({ phase: 'applying' });
    await hooks.beforeApply?.();
    const onProduct = priceCorrections(parts.db, parts.catalogue).importOverwrites(
      request.by ?? 'import',
    );
    const change = applyImport(
      parts.db,
      { ...parts, localPrices, onProduct },
      staging,
      rebuildStock,
      undefined,
      phases,
    );
    hooks.afterCommit?.(change);
    return {
      ...outcome('applied'),
      written: staging.builtCounts(),
      fromRev: change.fromRev,
      toRev: change.toRev,
    };
  } finally {
    if (request.reportPath) writeReport(staging, request.reportPath);
    staging.close();
    rmSync(join(request.workDir, 'staging.sqlite'), { force: true });
  }
}

/** Where the French report goes, beside the English one at `path`. */
export const frenchReportPath = (path: string) => path.replace(/\.tsv$/, '') + '.fr.tsv';

/**
 * The report as TSV: file, line, field, action, problem (a tab or newline in a field becomes
 * a space). Written twice: in English at `path` and in French beside it (frenchReportPath),
 * each problem from its message code when it has one; the columns stay the same.
 */
function writeReport(staging: Staging, path: string): void {
  const files = [
    { fd: openSync(path, 'w'), lang: 'en' as const },
    { fd: openSync(frenchReportPath(path), 'w'), lang: 'fr' as const },
  ];
  try {
    for (const { fd } of files) writeSync(fd, 'file\tline\tfield\taction\tproblem\n');
    const clean = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
    for (let offset = 0; ; offset += 10_000) {
      const page = staging.report(10_000, offset);
      if (page.length === 0) break;
      for (const { fd, lang } of files) {
        const text = (e: ReportEntry) => (lang === 'en' ? e.problem : entryText(e, lang));
        writeSync(
          fd,
          page
            .map(
              (e) =>
                [clean(e.file), e.line, clean(e.field), e.action, clean(text(e))].join('\t') + '\n',
            )
            .join(''),
        );
      }
    }
  } finally {
    for (const { fd } of files) closeSync(fd);
  }
}
