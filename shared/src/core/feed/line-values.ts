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

/**
 * A line's values. A class, not closures: one is made for each of 5M inventory
 * lines, and closures made per line cost a third of the reading.
 */
export class LineValues {
  private repeated: Set<string> | undefined;

  constructor(
    private readonly fields: FeedFields,
    private readonly report: LineReport,
  ) {}

  /** The value of a single-valued column, trimmed; '' is absent. */
  one(column: string): string | undefined {
    const value = this.fields[column];
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value.trim() || undefined;
    const given = value.map((each) => each.trim()).filter(Boolean);
    this.repeated ??= new Set();
    if (given.length > 1 && !this.repeated.has(column)) {
      this.repeated.add(column);
      this.report.warn(column, reportMessage('repeated', { count: given.length }));
    }
    return given[0];
  }

  /** Every value of a column; each may hold several, comma-separated (Google's TSV form). */
  list(column: string): string[] {
    const value = this.fields[column];
    if (value === undefined) return [];
    return [value]
      .flat()
      .flatMap((each) => each.split(','))
      .map((each) => each.trim())
      .filter(Boolean);
  }

  /** Every value of a column as given (a repeated column gives several). */
  all(column: string): string[] {
    const value = this.fields[column];
    return value === undefined ? [] : [value].flat();
  }

  private capped(column: string, text: string, max: number): string {
    if (text.length <= max) return text;
    this.report.warn(column, reportMessage('cut', { length: text.length, max }));
    return text.slice(0, max);
  }

  /** A text and its `column@xx` translations, each cut to `max` characters. */
  text(column: string, max = Infinity): FeedText | undefined {
    const main = this.one(column);
    if (main === undefined) return undefined;
    const byLanguage: Record<string, string> = {};
    for (const key of Object.keys(this.fields)) {
      if (!key.startsWith(`${column}@`)) continue;
      const translated = this.one(key);
      if (translated !== undefined)
        byLanguage[key.slice(column.length + 1)] = this.capped(key, translated, max);
    }
    return { text: this.capped(column, main, max), byLanguage };
  }

  /** An id: required ones reject the line when missing or unusable. */
  id(column: string, required: boolean): string | undefined {
    const value = this.one(column);
    if (value === undefined) {
      if (required) this.report.reject(column, reportMessage('required', { column }));
      return undefined;
    }
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    if (value.length > MAX_ID || /[\u0000-\u001f\u007f]/.test(value)) {
      this.report.reject(
        column,
        reportMessage('id_invalid', { value: value.slice(0, 80), max: MAX_ID }),
      );
      return undefined;
    }
    return value;
  }

  /** An http(s) URL, else a warning and nothing. */
  link(column: string, value = this.one(column)): string | undefined {
    if (value === undefined) return undefined;
    try {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // not a URL at all: reported below
    }
    this.report.warn(column, reportMessage('link_invalid', { value: value.slice(0, 200) }));
    return undefined;
  }
}

export function lineValues(fields: FeedFields, report: LineReport): LineValues {
  return new LineValues(fields, report);
}
