// What a product feed may say beyond Google's columns, for screens that show
// it: the department a product is filed under (perks and experts key on it),
// the product's own barcode besides its items', search tags, a members'
// price, a colour's name in each language and its swatch, a wine's dishes,
// and Google's `product_detail` facts (one "section:name:value" a column,
// repeated: a value may hold commas). Each is optional; a bad one is left out
// with a warning, never refusing the line.
import { Slug } from '../product-facts';
import { parseGtin, parsePrice } from './fields';
import type { ProductExtras } from './feed-lines';
import type { LineReport } from './line-report';
import type { FeedContext, LineValues } from './line-values';
import { reportMessage } from './report-messages';

const SWATCH = /^#[0-9a-fA-F]{6}$/;

/**
 * The origin a feed names the store server's own files under (the demo's
 * drawn pictures, its 3D models): `.invalid` never resolves (RFC 2606), and an
 * import turns such a link into the server's own path.
 */
export const STORE_ORIGIN = 'https://store.vitrine.invalid';

/** The server's own path a link names (`/assets/models/x.gltf`), or undefined for any other link. */
export function storePathOf(link: string): string | undefined {
  return link.startsWith(`${STORE_ORIGIN}/`) ? link.slice(STORE_ORIGIN.length) : undefined;
}

/** Every value of a repeated column, as written (no comma split). */
function everyValue(values: LineValues, column: string): string[] {
  return values
    .all(column)
    .map((value) => value.trim())
    .filter(Boolean);
}

export function productExtras(
  values: LineValues,
  context: FeedContext,
  report: LineReport,
): ProductExtras | undefined {
  const extras: ProductExtras = {};
  const department = values.one('department');
  if (department !== undefined) {
    if (Slug.safeParse(department).success) extras.department = department;
    else report.warn('department', reportMessage('department_not_slug', { value: department }));
  }
  const gtinText = values.one('item_group_gtin');
  if (gtinText !== undefined) {
    const gtin = parseGtin(gtinText);
    if (gtin.ok) extras.groupGtin = gtin.value;
    else report.warn('item_group_gtin', reportMessage('left_out', { cause: gtin.message }));
  }
  const tags = values.list('tags');
  if (tags.length > 0) extras.tags = tags;
  const loyaltyText = values.one('loyalty_price');
  if (loyaltyText !== undefined) {
    const price = parsePrice(loyaltyText, context.currency);
    if (price.ok && price.value.currency === context.currency)
      extras.loyaltyMinor = price.value.minor;
    else
      report.warn(
        'loyalty_price',
        reportMessage('left_out', {
          cause: price.ok ? reportMessage('another_currency') : price.message,
        }),
      );
  }
  const color = values.text('color');
  if (color && Object.keys(color.byLanguage).length > 0) extras.colorName = color;
  const swatch = values.one('color_hex');
  if (swatch !== undefined) {
    if (SWATCH.test(swatch)) extras.swatch = swatch;
    else report.warn('color_hex', reportMessage('swatch_invalid', { value: swatch }));
  }
  const dishes = values.text('dishes', 1_000);
  if (dishes) extras.dishes = dishes;
  const details: { name: string; value: string }[] = [];
  for (const detail of everyValue(values, 'product_detail')) {
    // section_name:attribute_name:attribute_value; the section may be empty.
    const [, name, value] = /^[^:]*:([^:]+):(.+)$/s.exec(detail) ?? [];
    if (name && value) details.push({ name: name.trim(), value: value.trim() });
    else
      report.warn(
        'product_detail',
        reportMessage('detail_invalid', { value: detail.slice(0, 80) }),
      );
  }
  if (details.length > 0) extras.details = details;
  return Object.keys(extras).length > 0 ? extras : undefined;
}
