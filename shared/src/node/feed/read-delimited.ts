// TSV and CSV feeds → one record per line, keyed by the header's column names
// (as written: columns.ts matches them), with the line each record STARTS on,
// also when a quoted field holds newlines. An unclosed quote or an oversized
// record stops the feed with its line: csv-parse's own skipping of bad records
// is unsafe with quoted newlines.
import { finished } from 'node:stream/promises';
import { parse, type CsvError } from 'csv-parse';
import { FeedError } from './feed-error';

/** One line of a feed: raw column names → values (a repeated column gives an array). */
export type FeedRecord = { line: number; fields: Record<string, string | string[]> };

/** A record longer than this is a wrong delimiter or a runaway quote, not a product. */
const MAX_RECORD_CHARS = 2 * 1024 * 1024;

type Parsed = { record: string[]; info: { lines: number } };

// csv-parse counts "\r\n" inside a quoted field as two lines (and any later
// record's line one further): count breaks as a reader would, and how many it added.
function breaks(record: string[]): { real: number; extra: number } {
  let real = 0;
  let extra = 0;
  for (const value of record) {
    real += value.match(/\r\n|\r|\n/g)?.length ?? 0;
    extra += value.match(/\r\n/g)?.length ?? 0;
  }
  return { real, extra };
}

function withHeader(header: string[], record: string[]): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (let i = 0; i < record.length; i++) {
    const value = record[i]!;
    const name = header[i] || `(column ${i + 1})`;
    const before = fields[name];
    fields[name] = before === undefined ? value : [...[before].flat(), value];
  }
  return fields;
}

/** A record's line breaks (csv-parse's count is off for quoted CRLF), none in most records. */
function hasBreak(record: string[]): boolean {
  for (const value of record) if (value.includes('\n') || value.includes('\r')) return true;
  return false;
}

/** Records a chunk at a time (a 5M-line feed is 5M records: one await each would cost seconds). */
export async function* readDelimited(
  text: AsyncIterable<string>,
  delimiter: string,
  /** Called with the header's column names before the first record. */
  onHeader: (columns: string[], line: number) => void,
): AsyncGenerator<FeedRecord[]> {
  // Records are taken as the parser finds them (on_record), not from its readable
  // side: a stream that fails drops what it had buffered, and with it the line
  // where the good records ended.
  const parsed: Parsed[] = [];
  const parser = parse({
    delimiter,
    bom: true,
    record_delimiter: ['\r\n', '\n'],
    relax_column_count: true,
    // A quote inside a field is kept as written (27" screen); quoted fields still work.
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    on_record: (record: string[], info) => {
      parsed.push({ record, info: { lines: info.lines } });
      return null;
    },
  });
  let failure: unknown;
  parser.on('error', (error) => (failure ??= error));
  parser.resume();
  const done = finished(parser).catch((error: unknown) => (failure ??= error));

  let header: string[] | undefined;
  let overCount = 0;
  let lastLine = 0;
  function take(): FeedRecord[] {
    const records: FeedRecord[] = [];
    for (const { record, info } of parsed.splice(0)) {
      const { real, extra } = hasBreak(record) ? breaks(record) : { real: 0, extra: 0 };
      overCount += extra;
      const end = info.lines - overCount;
      const line = end - real;
      lastLine = end;
      if (record.every((value) => !value.trim())) continue;
      if (!header) {
        header = record.map((name) => name.trim());
        onHeader(header, line);
        continue;
      }
      records.push({ line, fields: withHeader(header, record) });
    }
    return records;
  }
  try {
    for await (const chunk of text) {
      parser.write(chunk);
      const records = take();
      if (records.length) yield records;
      if (failure ?? parser.errored) break;
    }
    if (!(failure ?? parser.errored)) parser.end();
    await done;
    const records = take();
    if (records.length) yield records;
  } finally {
    parser.destroy();
  }
  const error = failure ?? parser.errored;
  if (error) throw csvProblem(error, lastLine + 1);
}

function csvProblem(error: unknown, line: number): unknown {
  const csv = error as CsvError;
  if (csv.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new FeedError('a quote opened here is never closed: the feed stops', line);
  }
  if (csv.code === 'CSV_MAX_RECORD_SIZE') {
    return new FeedError(
      `a record longer than ${MAX_RECORD_CHARS} characters (a wrong delimiter or an open quote?)`,
      line,
    );
  }
  if (typeof csv.code === 'string' && csv.code.startsWith('CSV_'))
    return new FeedError(csv.message, line);
  return error;
}
