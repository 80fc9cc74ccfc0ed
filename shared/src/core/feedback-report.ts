// The head-office feedback report's row: declared once, for the server that
// builds it and the console that draws it.
import { z } from 'zod';

export const FEEDBACK_SOURCES = ['product', 'help', 'call', 'review'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

export const FeedbackRow = z.object({
  day: z.string(),
  storeId: z.string(),
  source: z.enum(FEEDBACK_SOURCES),
  productId: z.string().nullable(),
  productName: z.string().nullable(),
  likes: z.number(),
  dislikes: z.number(),
  green: z.number(),
  orange: z.number(),
  red: z.number(),
  reviews: z.number(),
  /** Reviews rated 4 or 5, and 1 or 2. */
  reviewsPositive: z.number(),
  reviewsNegative: z.number(),
  /** Mean review rating (1–5), null without reviews. */
  reviewAverage: z.number().nullable(),
  /** A low rating: a sad smiley, more dislikes than likes, or reviews averaging 2.5 or less. */
  low: z.boolean(),
});
export type FeedbackRow = z.infer<typeof FeedbackRow>;
