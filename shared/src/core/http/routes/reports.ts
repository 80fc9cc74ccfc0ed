// Reports for head office and store managers: proof of play and shopper feedback.
import { z } from 'zod';
import { FeedbackRow } from '../../feedback-report';
import { route, staff } from '../route';

export const PlayReportQuery = z.object({
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  campaignId: z.string().max(64).optional(),
});
export type PlayReportQuery = z.infer<typeof PlayReportQuery>;

export const PlayRow = z.object({
  campaignId: z.string(),
  storeId: z.string(),
  deviceId: z.string(),
  hour: z.string(),
  /** Plays that ran to their end. */
  plays: z.number(),
  /** Plays cut short by a reload or a crash, not counted in `plays`. */
  interrupted: z.number(),
  /** Time on screen of both, full and interrupted. */
  playedMs: z.number(),
});
export type PlayRow = z.infer<typeof PlayRow>;

export const FeedbackQuery = z.object({
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  /** Only the flagged rows (low ratings). */
  low: z.enum(['true', 'false']).optional(),
});
export type FeedbackQuery = z.infer<typeof FeedbackQuery>;

const readers = staff('editor', 'publisher', 'manager');

export const reportRoutes = {
  plays: route({
    method: 'GET',
    path: '/proof-of-play/report',
    summary: 'Plays per campaign, screen and hour (UTC), and plays not finished yet',
    auth: readers,
    query: PlayReportQuery,
    response: z.object({ rows: z.array(PlayRow), unfinished: z.number() }),
  }),
  playsCsv: route({
    method: 'GET',
    path: '/proof-of-play/report.csv',
    summary: 'The proof-of-play report as CSV',
    auth: readers,
    query: PlayReportQuery,
    response: { raw: 'text/csv' },
  }),
  feedback: route({
    method: 'GET',
    path: '/feedback/report',
    summary: 'Shopper feedback per day, product and source, low ratings flagged',
    auth: readers,
    query: FeedbackQuery,
    response: z.object({ rows: z.array(FeedbackRow) }),
  }),
  feedbackCsv: route({
    method: 'GET',
    path: '/feedback/report.csv',
    summary: 'The feedback report as CSV',
    auth: readers,
    query: FeedbackQuery,
    response: { raw: 'text/csv' },
  }),
} as const;
