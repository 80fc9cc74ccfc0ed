// What a feed file is, from its first 4 KB (after gunzip): refused early when
// it is a web page (a login or error page saved instead of the feed), binary or
// not UTF-8; else XML (RSS 2.0) or delimited text, tab, comma or semicolon.
import { FeedError } from './feed-error';

export const SNIFF_BYTES = 4096;

export type FeedFormat = { kind: 'xml' } | { kind: 'delimited'; delimiter: '\t' | ',' | ';' };

const BOM = [0xef, 0xbb, 0xbf];

/** Comments, processing instructions and the XML declaration before the root element. */
const PROLOG = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/;

/**
 * @param head the first bytes of the feed (up to SNIFF_BYTES)
 * @param whole true when `head` is the whole feed (a multi-byte character may be cut otherwise)
 */
export function sniffFeed(head: Uint8Array, whole: boolean): FeedFormat {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new FeedError('the file is UTF-16: save it as UTF-8');
  }
  if (head.includes(0)) throw new FeedError('binary or not UTF-8: not a feed');
  const bom = BOM.every((byte, i) => head[i] === byte) ? 3 : 0;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(bom), { stream: !whole });
  } catch {
    throw new FeedError('binary or not UTF-8: not a feed (save it as UTF-8)');
  }
  if (!text.trim()) throw new FeedError('the file is empty');
  const start = text.replace(PROLOG, '').slice(0, 200).toLowerCase();
  if (/^<!doctype\s+html|^<html[\s>]|^<head[\s>]|^<body[\s>]/.test(start)) {
    throw new FeedError('a web page, not a feed (was an error or sign-in page saved instead?)');
  }
  if (start.startsWith('<')) return { kind: 'xml' };
  const firstLine = text.trimStart().split(/\r?\n/, 1)[0] ?? '';
  const count = (separator: string) => firstLine.split(separator).length - 1;
  const [tabs, commas, semicolons] = [count('\t'), count(','), count(';')];
  if (tabs >= commas && tabs >= semicolons) return { kind: 'delimited', delimiter: '\t' };
  return { kind: 'delimited', delimiter: commas >= semicolons ? ',' : ';' };
}
