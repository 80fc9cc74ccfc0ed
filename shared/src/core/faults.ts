// A fault a device reports to its store server: a crash, a hang, a reload or
// relaunch, a renderer error. Versioned and tagged like every wire message.
// Sent with route devices.reportFault (core/http/routes/devices.ts).
import { z } from 'zod';
import { AppName } from './device-api';

export const FAULT_REPORT_VERSION = 1;

export const FaultReport = z.strictObject({
  v: z.literal(FAULT_REPORT_VERSION),
  type: z.literal('fault'),
  /** Unique per report, so a resend after a lost answer is harmless. */
  id: z.uuid(),
  app: AppName,
  appVersion: z.string().max(32),
  at: z.iso.datetime(),
  kind: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
  detail: z.string().max(8_000),
  /** What the shell did about it: reload, relaunch, cool-down, none. */
  action: z.string().max(40),
});
export type FaultReport = z.infer<typeof FaultReport>;
