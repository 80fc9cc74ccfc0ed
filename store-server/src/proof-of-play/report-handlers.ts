// Report handlers (routes: shared/src/core/http/routes/reports.ts): proof of
// play and shopper feedback, as JSON for the consoles and as CSV downloads.
import type { Response } from 'express';
import type { reportRoutes } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { feedbackCsv, feedbackReport } from '../feedback/feedback-report';
import type { Handlers } from '../http/register-routes';
import { playReport, toCsv, unfinishedPlays } from './pop-report';

const sendCsv = (res: Response, filename: string, csv: string) =>
  res
    .type('text/csv; charset=utf-8')
    .set('content-disposition', `attachment; filename="${filename}"`)
    .send(csv);

export function reportHandlers(db: Db, storeId: string): Handlers<typeof reportRoutes> {
  return {
    plays: ({ query }) => ({
      rows: playReport(db, storeId, query),
      unfinished: unfinishedPlays(db),
    }),
    playsCsv: ({ query, res }) => {
      sendCsv(res, 'proof-of-play.csv', toCsv(playReport(db, storeId, query)));
    },
    feedback: ({ query }) => ({ rows: feedbackReport(db, storeId, query) }),
    feedbackCsv: ({ query, res }) => {
      sendCsv(res, 'shopper-feedback.csv', feedbackCsv(feedbackReport(db, storeId, query)));
    },
  };
}
