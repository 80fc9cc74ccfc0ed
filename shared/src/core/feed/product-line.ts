// One line of a product feed (Google Merchant Center columns) → a typed
// ProductLine, or the reasons it is refused. Required: id, title and price.
import type { FeedFields } from './columns';
import type { ProductLine } from './feed-lines';
import { parseAvailability, parseGtin, splitProductType } from './fields';
import { foodPart } from './food-line';
import { linePrices } from './line-prices';
import { lineReport, type ReportEntry } from './line-report';
import { productExtras } from './vitrine-columns';
import { lineValues, MAX_DESCRIPTION, MAX_TITLE, type FeedContext } from './line-values';
import { reportMessage } from './report-messages';

/** The categoryPath a catalogue keeps: deeper levels are cut with a warning. */
const MAX_TYPE_LEVELS = 8;
const ATTRIBUTE_COLUMNS = ['material', 'pattern', 'gender', 'age_group', 'condition', 'size_type'];

export type LineResult<T> = { line?: T; entries: ReportEntry[] };

export function parseProductLine(
  fields: FeedFields,
  line: number,
  context: FeedContext,
): LineResult<ProductLine> {
  const report = lineReport(context.file, line);
  const values = lineValues(fields, report);
  const id = values.id('id', true);
  const itemGroupId = values.id('item_group_id', false);
  const title = values.text('title', MAX_TITLE);
  if (!title) report.reject('title', reportMessage('required', { column: 'title' }));
  const { price, sale } = linePrices(values, context, report);
  if (!price && values.one('price') === undefined)
    report.reject('price', reportMessage('required', { column: 'price' }));
  if (report.rejected || id === undefined || !title || !price) return { entries: report.entries };

  const product: ProductLine = {
    line,
    id,
    title,
    images: [
      values.link('image_link'),
      ...values
        .list('additional_image_link')
        .map((url) => values.link('additional_image_link', url)),
    ].filter((url): url is string => url !== undefined),
    price,
    attributes: {},
    complementaryIds: values.list('complementary_ids'),
    pairingIds: values.list('pairing_ids'),
  };
  if (itemGroupId !== undefined) product.itemGroupId = itemGroupId;
  if (sale) product.sale = sale;
  const description = values.text('description', MAX_DESCRIPTION);
  if (description) product.description = description;
  const link = values.link('link');
  if (link) product.link = link;
  const model3d = values.link('model_3d_link');
  if (model3d) product.model3dLink = model3d;

  const availabilityText = values.one('availability');
  if (availabilityText !== undefined) {
    const availability = parseAvailability(availabilityText);
    if (availability.ok) product.availability = availability.value;
    else report.warn('availability', reportMessage('left_out', { cause: availability.message }));
  }
  const gtinText = values.one('gtin');
  if (gtinText !== undefined) {
    const gtin = parseGtin(gtinText);
    if (gtin.ok) product.gtin = gtin.value;
    else report.warn('gtin', reportMessage('gtin_dropped', { cause: gtin.message }));
  }
  const plain = {
    mpn: 'mpn',
    brand: 'brand',
    size: 'size',
    color: 'color',
    sizeSystem: 'size_system',
    googleProductCategory: 'google_product_category',
  } as const;
  for (const [key, column] of Object.entries(plain)) {
    const value = values.one(column);
    if (value !== undefined) product[key as keyof typeof plain] = value;
  }
  for (const column of ATTRIBUTE_COLUMNS) {
    const value = values.one(column);
    if (value !== undefined) product.attributes[column] = value;
  }
  const productType = values.text('product_type');
  if (productType) {
    const levels = (text: string) => {
      const path = splitProductType(text);
      if (path.length <= MAX_TYPE_LEVELS) return path;
      report.warn(
        'product_type',
        reportMessage('type_levels', { levels: path.length, max: MAX_TYPE_LEVELS }),
      );
      return path.slice(0, MAX_TYPE_LEVELS);
    };
    product.productType = {
      path: levels(productType.text),
      byLanguage: Object.fromEntries(
        Object.entries(productType.byLanguage).map(([language, text]) => [language, levels(text)]),
      ),
    };
  }
  const food = foodPart(values, report);
  if (food) product.food = food;
  const extras = productExtras(values, context, report);
  if (extras) product.extras = extras;
  return { line: product, entries: report.entries };
}
