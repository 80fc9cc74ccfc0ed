// GET /fleet/rejected-events: the dead letters per device, for fleet health.
import { Router } from 'express';
import type { RejectedEventsReport } from '@vitrine/shared/core';
import type { DeviceRegistry } from '../devices/registry';
import { requireRole, type StaffAuth } from '../staff/staff-auth';
import type { DeadLetters } from './dead-letters';

const RECENT_PER_DEVICE = 5;

export function deadLetterRoutes(options: {
  auth: StaffAuth;
  registry: DeviceRegistry;
  deadLetters: DeadLetters;
}): Router {
  const router = Router();
  router.get('/fleet/rejected-events', (req, res) => {
    requireRole(req, options.auth, 'manager', 'editor', 'publisher');
    const { deadLetters } = options;
    const report: RejectedEventsReport = {
      devices: deadLetters.summary().map((line) => {
        const device = options.registry.get(line.deviceId);
        return {
          ...line,
          name: device?.name ?? line.deviceId,
          role: device?.role ?? 'unknown',
          recent: deadLetters
            .forDevice(line.deviceId, RECENT_PER_DEVICE)
            .map(({ eventId, reason, raw, lastAt, times }) => ({
              eventId,
              reason,
              raw,
              lastAt,
              times,
            })),
        };
      }),
    };
    res.json(report);
  });
  return router;
}
