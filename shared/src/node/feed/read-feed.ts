// One entry for every feed file: open (gunzip), sniff, read (TSV/CSV or XML),
// match the columns and type each line. Yields batches of typed lines and
// report entries as it goes, so a 5M-line feed never sits in memory; a file
// that is not a feed throws a FeedError before its first batch.
import { basename } from 'node:path';
import {
  canonicalColumn,
  canonicalFields,
  duplicateGuard,
  parseFoodLine,
  parseInventoryLine,
  parseProductLine,
  parseStoreLine,
  type FeedContext,
  type FeedKind,
  type FoodLine,
  type InventoryLine,
  type ProductLine,
  type ReportEntry,
  type StoreLine,
  reported,
  reportMessage,
} from '@vitrine/shared/core';
import { FeedError } from './feed-error';
import { decodeUtf8, peek } from './feed-text';
import { FEED_LIMITS, openFeed, type FeedLimits, type FeedProgress } from './open-feed';
import { readDelimited, type FeedRecord } from './read-delimited';
import { readXml } from './read-xml';
import { sniffFeed, SNIFF_BYTES } from './sniff';

type LineOf = {
  products: ProductLine;
  inventory: InventoryLine;
  food: FoodLine;
  stores: StoreLine;
};

export type FeedBatch<K extends FeedKind> = {
  lines: LineOf[K][];
  entries: ReportEntry[];
  /** The file's bytes read so far (compressed, for a .gz) and its size. */
  progress: FeedProgress;
};

/** Without these a line cannot be keyed: a header lacking one is the wrong file. */
const REQUIRED: Record<FeedKind, string[]> = {
  products: ['id', 'title', 'price'],
  inventory: ['store_code', 'id'],
  food: ['id'],
  stores: ['store_code'],
};

const BATCH_LINES = 2000;

export type ReadFeedOptions = {
  /** The store's currency and zone; `file` defaults to the path's base name. */
  context: Omit<FeedContext, 'file'> & { file?: string };
  limits?: FeedLimits;
};

export async function* readFeed<K extends FeedKind>(
  path: string,
  kind: K,
  options: ReadFeedOptions,
): AsyncGenerator<FeedBatch<K>> {
  const context: FeedContext = { file: basename(path), ...options.context };
  const file = context.file;
  const progress: FeedProgress = { bytesRead: 0, totalBytes: 0 };
  const { head, whole, all, close } = await peek(
    openFeed(path, options.limits ?? FEED_LIMITS, progress),
    SNIFF_BYTES,
  );
  const nextBatch = (): FeedBatch<K> => ({ lines: [], entries: [], progress });
  let batch = nextBatch();
  try {
    const format = sniffFeed(head, whole);
    const seen = new Set<string>();
    const unknownColumn = (name: string, line: number) =>
      batch.entries.push({
        file,
        line,
        field: name,
        ...reported(reportMessage('column_unknown', { name })),
        action: 'warning',
      });
    const text = decodeUtf8(all);
    const chunks: AsyncIterable<FeedRecord[]> =
      format.kind === 'xml'
        ? readXml(text)
        : readDelimited(text, format.delimiter, (columns, line) => {
            const known = new Set(columns.map((name) => canonicalColumn(name, kind)));
            const missing = REQUIRED[kind].filter((column) => !known.has(column));
            if (missing.length) {
              throw new FeedError(
                `no ${missing.join(', ')} column in the header (${columns
                  .slice(0, 12)
                  .map((name) => name.slice(0, 40))
                  .join(', ')}): is this a ${kind} feed?`,
                line,
              );
            }
            for (const name of columns) {
              if (!canonicalColumn(name, kind) && !seen.has(name)) {
                seen.add(name);
                unknownColumn(name, line);
              }
            }
          });
    const guard = duplicateGuard(file);
    let count = 0;
    for await (const records of chunks) {
      for (const record of records) {
        const { fields, unknown } = canonicalFields(record.fields, kind, seen);
        for (const name of unknown) unknownColumn(name, record.line);
        const typed = typeLine(kind, fields, record.line, context, guard);
        for (const entry of typed.entries) batch.entries.push(entry);
        if (typed.line) batch.lines.push(typed.line as LineOf[K]);
        count += 1;
        // Entries count too: a feed of bad lines must not pile up its report in memory.
        if (batch.lines.length >= BATCH_LINES || batch.entries.length >= BATCH_LINES) {
          yield { ...batch, progress: { ...progress } };
          batch = nextBatch();
        }
      }
    }
    if (count === 0) {
      batch.entries.push({
        file,
        line: 1,
        field: '',
        ...reported(reportMessage('feed_empty')),
        action: 'warning',
      });
    }
    yield { ...batch, progress: { ...progress } };
  } finally {
    await close();
  }
}

function typeLine(
  kind: FeedKind,
  fields: Record<string, string | string[]>,
  line: number,
  context: FeedContext,
  guard: ReturnType<typeof duplicateGuard>,
): { line?: LineOf[FeedKind]; entries: ReportEntry[] } {
  if (kind === 'inventory') return parseInventoryLine(fields, line, context);
  if (kind === 'stores') return parseStoreLine(fields, line, context);
  if (kind === 'food') {
    const food = parseFoodLine(fields, line, context);
    return { line: food.line && guard.food(food.line, food.entries), entries: food.entries };
  }
  const product = parseProductLine(fields, line, context);
  return {
    line: product.line && guard.product(product.line, product.entries),
    entries: product.entries,
  };
}
