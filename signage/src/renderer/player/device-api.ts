// Small authenticated calls from the player to its store server: faults,
// heartbeats, clock samples, screenshots. All best effort: a player offline
// keeps playing and tries again later.
import {
  deviceBearer,
  FAULT_REPORT_VERSION,
  ServerTime,
  parseUnknown,
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

const headers = (server: PlayerServer, type = 'application/json') => ({
  authorization: deviceBearer(server.credential),
  'content-type': type,
});

/** Reports a fault; never throws. */
export async function reportFault(
  server: PlayerServer,
  kind: string,
  detail: string,
): Promise<boolean> {
  try {
    const response = await fetch(`${server.baseUrl}/api/v1/devices/${server.deviceId}/faults`, {
      method: 'POST',
      headers: headers(server),
      body: JSON.stringify({
        v: FAULT_REPORT_VERSION,
        type: 'fault',
        id: crypto.randomUUID(),
        app: 'signage',
        appVersion: server.version,
        at: new Date().toISOString(),
        kind,
        detail: detail.slice(0, 8_000),
        action: 'none',
      }),
    });
    return response.ok;
  } catch {
    return false;
  }
}

export async function sendHeartbeat(
  server: PlayerServer,
  heartbeat: ScreenHeartbeat,
): Promise<void> {
  await fetch(`${server.baseUrl}/api/v1/fleet/heartbeat`, {
    method: 'POST',
    headers: headers(server),
    body: JSON.stringify(heartbeat),
  }).catch(() => undefined);
}

export async function sendScreenshot(server: PlayerServer, png: Blob): Promise<void> {
  await fetch(`${server.baseUrl}/api/v1/fleet/screenshot`, {
    method: 'POST',
    headers: headers(server, 'image/png'),
    body: png,
  }).catch(() => undefined);
}

/** NTP-style offset of our clock against the store server's (see clock-sync.ts). */
export function estimateClockOffset(server: PlayerServer, samples = 8): Promise<number | null> {
  return estimateOffset(
    async () => {
      const response = await fetch(`${server.baseUrl}/api/v1/fleet/time`, { cache: 'no-store' });
      const parsed = parseUnknown(ServerTime, await response.json());
      return parsed.ok ? parsed.value.serverTime : null;
    },
    systemClock,
    samples,
  );
}
