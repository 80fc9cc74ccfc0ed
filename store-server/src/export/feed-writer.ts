// Feed lines → the text of a feed file, in the three formats the importer
// reads: TSV (Google's own default), CSV, and RSS 2.0 XML with the `g:`
// namespace. Streamed: a 100,000-product catalogue never sits in memory as
// text. TSV and CSV go through csv-stringify (the csv project's writer, as
// csv-parse reads them back); XML through a small escaping writer, since an
// RSS item is a flat list of elements (see docs/decisions/15-demo.md).
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { EXPORT_FORMATS } from '@vitrine/shared/core';
import type { FeedRow } from './feed-rows';

export const FEED_FORMATS = EXPORT_FORMATS;
export type FeedFormat = (typeof FEED_FORMATS)[number];

type Rows = Iterable<FeedRow> | AsyncIterable<FeedRow>;

/**
 * The header of a delimited feed: the columns in this order, a repeated one
 * (`product_detail`) as many times as `repeats` says. A column given a list
 * and written once holds it comma-separated (Google's TSV form).
 */
export function headerOf(columns: readonly string[], repeats: Record<string, number> = {}) {
  return columns.flatMap((column) =>
    Array.from({ length: column in repeats ? repeats[column]! : 1 }, () => column),
  );
}

function delimitedRecord(row: FeedRow, header: readonly string[]): string[] {
  const taken = new Map<string, number>();
  return header.map((column) => {
    const value = row[column];
    if (value === undefined) return '';
    if (typeof value === 'string') return value;
    const once = header.indexOf(column) === header.lastIndexOf(column);
    if (once) return value.join(',');
    const index = taken.get(column) ?? 0;
    taken.set(column, index + 1);
    return value[index] ?? '';
  });
}

async function* delimited(rows: Rows, header: readonly string[], delimiter: string) {
  const writer = stringify({ delimiter, record_delimiter: '\n' });
  const out = (async function* () {
    for await (const chunk of writer) yield chunk as Buffer;
  })();
  // The writer is fed from here, read by the consumer: back-pressure through 'drain'.
  const feed = (async () => {
    const write = async (record: string[]) => {
      if (!writer.write(record)) await new Promise((resolve) => writer.once('drain', resolve));
    };
    try {
      await write([...header]);
      for await (const row of rows) await write(delimitedRecord(row, header));
      writer.end();
    } catch (error) {
      writer.destroy(error as Error);
    }
  })();
  yield* out;
  await feed;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Element text: markup escaped, and the characters XML 1.0 cannot hold at all left out. */
function xmlText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- the characters XML forbids are what is removed
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[&<>]/g, (char) => XML_ESCAPES[char]!)
  );
}

function xmlItem(row: FeedRow): string {
  let item = '<item>';
  for (const [column, value] of Object.entries(row)) {
    const at = column.indexOf('@');
    const name = at < 0 ? column : column.slice(0, at);
    const lang = at < 0 ? '' : ` xml:lang="${column.slice(at + 1)}"`;
    for (const each of [value].flat()) item += `<g:${name}${lang}>${xmlText(each)}</g:${name}>`;
  }
  return `${item}</item>\n`;
}

async function* xml(rows: Rows, title: string) {
  yield (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n' +
    `<channel><title>${xmlText(title)}</title>\n`
  );
  let batch = '';
  for await (const row of rows) {
    batch += xmlItem(row);
    if (batch.length > 64 * 1024) {
      yield batch;
      batch = '';
    }
  }
  yield `${batch}</channel>\n</rss>\n`;
}

/** A feed file's text as a stream. */
export function feedStream(
  rows: Rows,
  format: FeedFormat,
  options: { header: readonly string[]; title: string },
): Readable {
  const text =
    format === 'xml'
      ? xml(rows, options.title)
      : delimited(rows, options.header, format === 'tsv' ? '\t' : ',');
  return Readable.from(text, { objectMode: false });
}
