// The feedback report's calls: rows as JSON, and the same rows as a CSV file.
import type { FeedbackRow } from '@vitrine/shared/core';
import { client } from '../../common/api';

export type { FeedbackRow } from '@vitrine/shared/core';
export type FeedbackFilter = { from: string; to: string; low?: 'true' };

export const fetchFeedback = (filter: FeedbackFilter) => client.reports.feedback({ query: filter });

export async function fetchFeedbackCsv(filter: FeedbackFilter): Promise<Blob> {
  return (await client.reports.feedbackCsv({ query: filter })).blob();
}

/** Each day's positive, neutral and negative opinions, all sources together. */
export function opinionsByDay(rows: FeedbackRow[]) {
  const days = new Map<string, { positive: number; neutral: number; negative: number }>();
  for (const row of rows) {
    const day = days.get(row.day) ?? { positive: 0, neutral: 0, negative: 0 };
    day.positive += row.likes + row.green + row.reviewsPositive;
    day.neutral += row.orange + (row.reviews - row.reviewsPositive - row.reviewsNegative);
    day.negative += row.dislikes + row.red + row.reviewsNegative;
    days.set(row.day, day);
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
}
