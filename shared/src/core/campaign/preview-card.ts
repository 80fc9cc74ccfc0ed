// A product card as the store's players would show it now, for the head-office
// console's preview: route campaigns.preview.
import { z } from 'zod';

export const PreviewCard = z.object({
  id: z.string(),
  name: z.object({ fr: z.string(), en: z.string() }),
  /** The price before any reduction (of the variant costing least now). */
  priceCents: z.number().int().nonnegative(),
  /** After the running sale or promotion (priceNow), when it lowers the price. */
  promotedPriceCents: z.number().int().nonnegative().nullable(),
  /** The variants cost different amounts: the price is "from" this one. */
  from: z.boolean(),
  promotion: z.object({ fr: z.string(), en: z.string() }).nullable(),
  /** Units in this store; null when the store does not stock it. */
  stockHere: z.number().int().nonnegative().nullable(),
});
export type PreviewCard = z.infer<typeof PreviewCard>;

export const PreviewCards = z.object({ cards: z.array(PreviewCard) });
