// Small authenticated calls from the player to its store server: faults,
// heartbeats, clock samples, screenshots. All best effort: a player offline
// keeps playing and tries again later.
import {
  ApiCallError,
  apiClient,
  apiRoutes,
  deviceBearer,
  FAULT_REPORT_VERSION,
  type DeviceCredential,
  type ScreenHeartbeat,
} from '@vitrine/shared/core';
import { estimateOffset, systemClock } from './clock-sync';

export type PlayerServer = {
  baseUrl: string;
  deviceId: string;
  credential: DeviceCredential;
  version: string;
};

const devices = (server: PlayerServer) =>
  apiClient(apiRoutes, {
    baseUrl: server.baseUrl,
    authorization: () => deviceBearer(server.credential),
  });

/** Reports a fault; never throws. */
export async function reportFault(
  server: PlayerServer,
  kind: string,
  detail: string,
): Promise<boolean> {
  try {
    await devices(server).devices.reportFault({
      params: { id: server.deviceId },
      body: {
        v: FAULT_REPORT_VERSION,
        type: 'fault',
        id: crypto.randomUUID(),
        app: 'signage',
        appVersion: server.version,
        at: new Date().toISOString(),
        kind,
        detail: detail.slice(0, 8_000),
        action: 'none',
      },
    });
    return true;
  } catch {
    return false;
  }
}

export async function sendHeartbeat(
  server: PlayerServer,
  heartbeat: ScreenHeartbeat,
): Promise<void> {
  await devices(server)
    .fleet.heartbeat({ body: heartbeat })
    .catch(() => undefined);
}

export async function sendScreenshot(server: PlayerServer, png: Blob): Promise<void> {
  await devices(server)
    .fleet.uploadScreenshot({ body: png, contentType: 'image/png' })
    .catch(() => undefined);
}

/** NTP-style offset of our clock against the store server's (see clock-sync.ts). */
export function estimateClockOffset(server: PlayerServer, samples = 8): Promise<number | null> {
  const fleet = devices(server).fleet;
  return estimateOffset(
    // A refusal or a wrong answer skips the sample; a network failure ends the estimate.
    () =>
      fleet.time({}, { cache: 'no-store' }).then(
        (answer) => answer.serverTime,
        (error: unknown) => {
          if (error instanceof ApiCallError) return null;
          throw error;
        },
      ),
    systemClock,
    samples,
  );
}
