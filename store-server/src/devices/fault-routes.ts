// Faults reported by the desktop shells' watchdogs. Stored once per report id:
// a resend after a lost answer is acknowledged without a second row.
import { Router } from 'express';
import { FaultReport, parseUnknown } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { deviceFrom, requireAdmin } from '../http/auth';
import { HttpError, parseOr400 } from '../http/http-error';
import type { Logger } from '../log';
import type { DeviceRegistry } from './registry';

export function faultRoutes(
  db: Db,
  registry: DeviceRegistry,
  adminToken: string,
  log: Logger,
): Router {
  const router = Router();
  const insert = db.prepare(
    `INSERT INTO faults (id, device_id, app, app_version, at, kind, detail, action, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );

  router.post('/devices/:id/faults', (req, res) => {
    const device = deviceFrom(req, registry, { activeOnly: true });
    if (device.id !== req.params.id)
      throw new HttpError(403, 'not_yours', 'a device reports only its own faults');
    const report = parseOr400(parseUnknown(FaultReport, req.body));
    const result = insert.run(
      report.id,
      device.id,
      report.app,
      report.appVersion,
      report.at,
      report.kind,
      report.detail,
      report.action,
      new Date().toISOString(),
    );
    if (result.changes === 1)
      log.warn({ deviceId: device.id, kind: report.kind, action: report.action }, 'device fault');
    res
      .status(result.changes === 1 ? 201 : 200)
      .json({ id: report.id, stored: result.changes === 1 });
  });

  router.get('/devices/:id/faults', (req, res) => {
    requireAdmin(req, adminToken);
    const faults = db
      .prepare('SELECT * FROM faults WHERE device_id = ? ORDER BY at DESC LIMIT 200')
      .all(req.params.id);
    res.json({ faults });
  });
  return router;
}
