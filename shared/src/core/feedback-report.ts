// The head-office feedback report's row: declared once, for the server that
// builds it and the console that draws it.
export const FEEDBACK_SOURCES = ['product', 'help', 'call', 'review'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

export type FeedbackRow = {
  day: string;
  storeId: string;
  source: FeedbackSource;
  productId: string | null;
  productName: string | null;
  likes: number;
  dislikes: number;
  green: number;
  orange: number;
  red: number;
  reviews: number;
  /** Reviews rated 4 or 5, and 1 or 2. */
  reviewsPositive: number;
  reviewsNegative: number;
  /** Mean review rating (1–5), null without reviews. */
  reviewAverage: number | null;
  /** A low rating: a sad smiley, more dislikes than likes, or reviews averaging 2.5 or less. */
  low: boolean;
};
