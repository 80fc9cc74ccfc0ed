// GET /proof-of-play/report (JSON) and /proof-of-play/report.csv.
import { Router } from 'express';
import { parseUnknown } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { parseOr400 } from '../http/http-error';
import { requireRole, type StaffAuth } from '../staff/staff-auth';
import { playReport, ReportQuery, toCsv, unfinishedPlays } from './pop-report';

export function proofOfPlayRoutes(db: Db, auth: StaffAuth, storeId: string): Router {
  const router = Router();
  router.get('/proof-of-play/report', (req, res) => {
    requireRole(req, auth, 'editor', 'publisher', 'manager');
    const query = parseOr400(parseUnknown(ReportQuery, req.query));
    res.json({ rows: playReport(db, storeId, query), unfinished: unfinishedPlays(db) });
  });
  router.get('/proof-of-play/report.csv', (req, res) => {
    requireRole(req, auth, 'editor', 'publisher', 'manager');
    const query = parseOr400(parseUnknown(ReportQuery, req.query));
    res
      .type('text/csv; charset=utf-8')
      .set('content-disposition', 'attachment; filename="proof-of-play.csv"')
      .send(toCsv(playReport(db, storeId, query)));
  });
  return router;
}
