import { describe, expect, it } from 'vitest';
import { feedbackCsv, isLow, type FeedbackRow } from './feedback-report';

const row = (counts: Partial<FeedbackRow>): FeedbackRow => ({
  day: '2026-12-05',
  storeId: 'paris-rivoli',
  source: 'product',
  productId: 'p1',
  productName: 'Robe d’été, "lin"',
  likes: 0,
  dislikes: 0,
  green: 0,
  orange: 0,
  red: 0,
  reviews: 0,
  reviewsPositive: 0,
  reviewsNegative: 0,
  reviewAverage: null,
  low: false,
  ...counts,
});

describe('feedback report', () => {
  it('flags a sad smiley, more dislikes than likes, and reviews averaging 2.5 or less', () => {
    expect(isLow(row({ red: 1, green: 5 }))).toBe(true);
    expect(isLow(row({ dislikes: 2, likes: 1 }))).toBe(true);
    expect(isLow(row({ dislikes: 1, likes: 1 }))).toBe(false);
    expect(isLow(row({ reviews: 2, reviewAverage: 2.5 }))).toBe(true);
    expect(isLow(row({ reviews: 2, reviewAverage: 3 }))).toBe(false);
    expect(isLow(row({ orange: 3 }))).toBe(false);
  });

  it('writes CSV a spreadsheet reads safely', () => {
    const csv = feedbackCsv([row({ likes: 1, low: true }), row({ productName: '=HYPERLINK(1)' })]);
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe(
      '2026-12-05,paris-rivoli,product,p1,"Robe d’été, ""lin""",1,0,0,0,0,0,0,0,,yes',
    );
    expect(lines[2]).toContain(',"=HYPERLINK(1)",');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
