// GET /feedback/report (JSON) and /feedback/report.csv, for head office and
// store managers, beside the proof-of-play report.
import { Router } from 'express';
import { parseUnknown } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { parseOr400 } from '../http/http-error';
import { requireRole, type StaffAuth } from '../staff/staff-auth';
import { feedbackCsv, feedbackReport, FeedbackQuery } from './feedback-report';

export function feedbackRoutes(db: Db, auth: StaffAuth, storeId: string): Router {
  const router = Router();
  router.get('/feedback/report', (req, res) => {
    requireRole(req, auth, 'editor', 'publisher', 'manager');
    const query = parseOr400(parseUnknown(FeedbackQuery, req.query));
    res.json({ rows: feedbackReport(db, storeId, query) });
  });
  router.get('/feedback/report.csv', (req, res) => {
    requireRole(req, auth, 'editor', 'publisher', 'manager');
    const query = parseOr400(parseUnknown(FeedbackQuery, req.query));
    res
      .type('text/csv; charset=utf-8')
      .set('content-disposition', 'attachment; filename="shopper-feedback.csv"')
      .send(feedbackCsv(feedbackReport(db, storeId, query)));
  });
  return router;
}
