// Prices and sales on a product or inventory line. A price the store cannot
// show as written (another currency, a malformed amount, a sale that ends
// before it starts) refuses the whole line: a wrong price is worse than none.
import { parseEffectiveDates } from './effective-dates';
import { parsePrice, type Price } from './fields';
import type { LineReport } from './line-report';
import type { FeedContext, LineValues } from './line-values';
import { reportMessage } from './report-messages';

export type Sale = { minor: number; startsAt?: string; endsAt?: string };

function readPrice(
  value: string,
  column: string,
  context: FeedContext,
  report: LineReport,
): Price | undefined {
  const price = parsePrice(value, context.currency);
  if (!price.ok) {
    report.reject(column, price.message);
    return undefined;
  }
  if (price.value.currency !== context.currency) {
    report.reject(
      column,
      reportMessage('price_other_currency', {
        currency: price.value.currency,
        store: context.currency,
      }),
    );
    return undefined;
  }
  return price.value;
}

/** price, sale_price and sale_price_effective_date of one line. */
export function linePrices(
  values: LineValues,
  context: FeedContext,
  report: LineReport,
): { price?: Price; sale?: Sale } {
  const priceText = values.one('price');
  const saleText = values.one('sale_price');
  const datesText = values.one('sale_price_effective_date');
  const price =
    priceText === undefined ? undefined : readPrice(priceText, 'price', context, report);
  if (saleText === undefined) {
    if (datesText !== undefined) {
      report.warn('sale_price_effective_date', reportMessage('dates_without_sale'));
    }
    return { ...(price && { price }) };
  }
  const salePrice = readPrice(saleText, 'sale_price', context, report);
  const dates =
    datesText === undefined ? undefined : parseEffectiveDates(datesText, context.timeZone);
  if (dates && !dates.ok) report.reject('sale_price_effective_date', dates.message);
  if (!salePrice || (dates && !dates.ok)) return { ...(price && { price }) };
  if (price && salePrice.minor >= price.minor) {
    report.warn('sale_price', reportMessage('sale_not_below'));
    return { price };
  }
  return {
    ...(price && { price }),
    sale: { minor: salePrice.minor, ...(dates?.ok && dates.value) },
  };
}
