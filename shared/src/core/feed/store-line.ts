// One line of a stores file: a store of the chain by its store_code (the code
// the local inventory names), with its name, address, time zone, currency and
// position. Required: store_code. A value the store cannot use (an unknown
// zone or currency, a position off the globe) is left out with a warning:
// the store is still known by its code.
import { CurrencyCode } from '../money';
import { assertTimeZone } from '../schedule/local-time';
import type { FeedFields } from './columns';
import type { StoreLine } from './feed-lines';
import { lineReport } from './line-report';
import { lineValues, type FeedContext } from './line-values';
import type { LineResult } from './product-line';
import { reportMessage } from './report-messages';

const MAX_TEXT = 200;

function coordinate(text: string, limit: number): number | undefined {
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : undefined;
}

export function parseStoreLine(
  fields: FeedFields,
  line: number,
  context: FeedContext,
): LineResult<StoreLine> {
  const report = lineReport(context.file, line);
  const values = lineValues(fields, report);
  const storeCode = values.id('store_code', true);
  if (report.rejected || storeCode === undefined) return { entries: report.entries };
  const store: StoreLine = { line, storeCode };
  for (const key of ['name', 'address', 'city'] as const) {
    const value = values.one(key);
    if (value === undefined) continue;
    if (value.length > MAX_TEXT)
      report.warn(key, reportMessage('cut', { length: value.length, max: MAX_TEXT }));
    store[key] = value.slice(0, MAX_TEXT);
  }
  const zone = values.one('time_zone');
  if (zone !== undefined) {
    try {
      store.timeZone = assertTimeZone(zone);
    } catch (error) {
      report.warn(
        'time_zone',
        reportMessage('left_out', {
          cause: reportMessage('text', { text: (error as Error).message }),
        }),
      );
    }
  }
  const currency = values.one('currency')?.toUpperCase();
  if (currency !== undefined) {
    if (CurrencyCode.safeParse(currency).success) store.currency = currency;
    else
      report.warn(
        'currency',
        reportMessage('left_out', {
          cause: reportMessage('currency_unknown', { value: currency }),
        }),
      );
  }
  const latitude = values.one('latitude');
  const longitude = values.one('longitude');
  if (latitude !== undefined || longitude !== undefined) {
    const lat = latitude === undefined ? undefined : coordinate(latitude, 90);
    const long = longitude === undefined ? undefined : coordinate(longitude, 180);
    if (lat === undefined || long === undefined)
      report.warn('latitude', reportMessage('position_invalid'));
    else Object.assign(store, { latitude: lat, longitude: long });
  }
  const kind = values.one('kind')?.toLowerCase();
  if (kind === 'store' || kind === 'online') store.kind = kind;
  else if (kind !== undefined) report.warn('kind', reportMessage('kind_unknown', { value: kind }));
  return { line: store, entries: report.entries };
}
