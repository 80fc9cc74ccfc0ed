// One line of a local inventory feed: a product's quantity, price, sale and
// aisle in one store. Required: store_code and id.
import type { FeedFields } from './columns';
import type { InventoryLine } from './feed-lines';
import { parseAvailability, parseQuantity } from './fields';
import { linePrices } from './line-prices';
import { lineReport } from './line-report';
import { lineValues, type FeedContext } from './line-values';
import type { LineResult } from './product-line';
import { reportMessage } from './report-messages';

export function parseInventoryLine(
  fields: FeedFields,
  line: number,
  context: FeedContext,
): LineResult<InventoryLine> {
  const report = lineReport(context.file, line);
  const values = lineValues(fields, report);
  const storeCode = values.id('store_code', true);
  const id = values.id('id', true);
  const quantityText = values.one('quantity');
  const quantity = quantityText === undefined ? undefined : parseQuantity(quantityText);
  if (quantity && !quantity.ok) report.reject('quantity', quantity.message);
  const { price, sale } = linePrices(values, context, report);
  if (report.rejected || storeCode === undefined || id === undefined) {
    return { entries: report.entries };
  }
  const inventory: InventoryLine = { line, storeCode, id };
  if (quantity?.ok) inventory.quantity = quantity.value;
  if (price) inventory.price = price;
  if (sale) inventory.sale = sale;
  const availabilityText = values.one('availability');
  if (availabilityText !== undefined) {
    const availability = parseAvailability(availabilityText);
    if (availability.ok) inventory.availability = availability.value;
    else report.warn('availability', reportMessage('left_out', { cause: availability.message }));
  }
  const text = {
    pickupMethod: 'pickup_method',
    pickupSla: 'pickup_sla',
    aisle: 'instore_product_location',
  } as const;
  for (const [key, column] of Object.entries(text)) {
    const value = values.one(column);
    if (value !== undefined) inventory[key as keyof typeof text] = value;
  }
  return { line: inventory, entries: report.entries };
}
