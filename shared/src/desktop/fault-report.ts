// A fault a device reports to its store server: a crash, a hang, a reload or
// relaunch, a renderer error. Versioned and tagged like every wire message.
// Sent to the route devices.reportFault (shared/src/core/http/routes/devices.ts).
// The schema lives in shared/src/core: the store server parses it too.
import { FAULT_REPORT_VERSION, FaultReport } from '../core/faults';
import { routeUrl } from '../core/http/api-client';
import { deviceRoutes } from '../core/http/routes/devices';
import type { ShellApp } from './app-identity';

export { FaultReport };

export type FaultInput = Pick<FaultReport, 'kind' | 'detail' | 'action'>;

export function makeFaultReport(
  input: FaultInput,
  context: { app: ShellApp; appVersion: string; id: string; at: Date },
): FaultReport {
  return FaultReport.parse({
    v: FAULT_REPORT_VERSION,
    type: 'fault',
    id: context.id,
    app: context.app,
    appVersion: context.appVersion.slice(0, 32),
    at: context.at.toISOString(),
    kind: input.kind,
    detail: input.detail.slice(0, 8_000),
    action: input.action.slice(0, 40),
  });
}

export function faultsUrl(storeServerUrl: string, deviceId: string): string {
  const origin = new URL(storeServerUrl).origin;
  return routeUrl(origin, deviceRoutes.reportFault, { params: { id: deviceId } });
}
