// Reading one line's values: a single value where the feed gave several, texts
// with their translations and a length cap, lists, links. Problems go to the
// line's report; the line parsers decide what rejects a line.
import type { FeedFields } from './columns';
import type { FeedText } from './feed-lines';
import type { LineReport } from './line-report';
import { reportMessage } from './report-messages';

/** Google's own limits: a longer text is cut, with a warning. */
export const MAX_TITLE = 150;
export const MAX_DESCRIPTION = 5000;
const MAX_ID = 64;

export type FeedContext = {
  /** The file's name in the report. */
  file: string;
  /** The store's ISO 4217 currency: a price in another one is refused. */
  currency: string;
  /** The store's IANA zone, for dates written without an offset. */
  timeZone: string;
};

export type LineValues = ReturnType<typeof lineValues>;

export function lineValues(fields: FeedFields, report: LineReport) {
  const repeated = new Set<string>();

  /** The value of a single-valued column, trimmed; '' is absent. */
  function one(column: string): string | undefined {
    const value = fields[column];
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value.trim() || undefined;
    const given = value.map((each) => each.trim()).filter(Boolean);
    if (given.length > 1 && !repeated.has(column)) {
      repeated.add(column);
      report.warn(column, reportMessage('repeated', { count: given.length }));
    }
    return given[0];
  }

  /** Every value of a column; each may hold several, comma-separated (Google's TSV form). */
  function list(column: string): string[] {
    const value = fields[column];
    if (value === undefined) return [];
    return [value]
      .flat()
      .flatMap((each) => each.split(','))
      .map((each) => each.trim())
      .filter(Boolean);
  }

  /** Every value of a column as given (a repeated column gives several). */
  function all(column: string): string[] {
    const value = fields[column];
    return value === undefined ? [] : [value].flat();
  }

  function capped(column: string, text: string, max: number): string {
    if (text.length <= max) return text;
    report.warn(column, reportMessage('cut', { length: text.length, max }));
    return text.slice(0, max);
  }

  /** A text and its `column@xx` translations, each cut to `max` characters. */
  function text(column: string, max = Infinity): FeedText | undefined {
    const main = one(column);
    if (main === undefined) return undefined;
    const byLanguage: Record<string, string> = {};
    for (const key of Object.keys(fields)) {
      if (!key.startsWith(`${column}@`)) continue;
      const translated = one(key);
      if (translated !== undefined)
        byLanguage[key.slice(column.length + 1)] = capped(key, translated, max);
    }
    return { text: capped(column, main, max), byLanguage };
  }

  /** An id: required ones reject the line when missing or unusable. */
  function id(column: string, required: boolean): string | undefined {
    const value = one(column);
    if (value === undefined) {
      if (required) report.reject(column, reportMessage('required', { column }));
      return undefined;
    }
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    if (value.length > MAX_ID || /[\u0000-\u001f\u007f]/.test(value)) {
      report.reject(
        column,
        reportMessage('id_invalid', { value: value.slice(0, 80), max: MAX_ID }),
      );
      return undefined;
    }
    return value;
  }

  /** An http(s) URL, else a warning and nothing. */
  function link(column: string, value = one(column)): string | undefined {
    if (value === undefined) return undefined;
    try {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // not a URL at all: reported below
    }
    report.warn(column, reportMessage('link_invalid', { value: value.slice(0, 200) }));
    return undefined;
  }

  return { one, all, list, text, id, link };
}
