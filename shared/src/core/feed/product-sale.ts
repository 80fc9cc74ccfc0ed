// The sales of one product's lines → `Product.sale` and each `Variant.sale`.
// The product carries the sale of its first line that has one (the feed's
// order); a variant whose line says otherwise carries its own, or null when its
// line has no sale. A sale not below its line's price is left out with a
// warning (the readers already drop it; lines may come from elsewhere).
import type { Sale, Variant } from '../catalogue';
import type { ProductLine } from './feed-lines';
import { reportMessage, type ReportMessage } from './report-messages';

type SaleLine = Pick<ProductLine, 'line' | 'price' | 'sale'>;

const sameSale = (a: Sale, b: Sale) =>
  a.priceCents === b.priceCents && a.startsAt === b.startsAt && a.endsAt === b.endsAt;

export function salesOf(
  lines: readonly SaleLine[],
  warn: (line: number, field: string, message: ReportMessage) => void,
) {
  const byLine = new Map<number, Sale>();
  for (const { line, price, sale } of lines) {
    if (!sale) continue;
    if (sale.minor >= price.minor) {
      warn(line, 'sale_price', reportMessage('sale_not_below'));
      continue;
    }
    byLine.set(line, {
      priceCents: sale.minor,
      ...(sale.startsAt !== undefined && { startsAt: sale.startsAt }),
      ...(sale.endsAt !== undefined && { endsAt: sale.endsAt }),
    });
  }
  const product = lines.map(({ line }) => byLine.get(line)).find((sale) => sale !== undefined);
  return {
    product,
    /** The variant of `line` with its own sale when it is not the product's. */
    onVariant<V extends Variant>(line: number, variant: V): V {
      if (!product) return variant;
      const own = byLine.get(line);
      if (own && sameSale(own, product)) return variant;
      return { ...variant, sale: own ?? null };
    },
  };
}
