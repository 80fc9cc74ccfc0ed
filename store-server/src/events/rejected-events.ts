// The dead letters per device, for fleet health (GET /fleet/rejected-events).
import type { RejectedEventsReport } from '@vitrine/shared/core';
import type { DeviceRegistry } from '../devices/registry';
import type { DeadLetters } from './dead-letters';

const RECENT_PER_DEVICE = 5;

export function rejectedEvents(
  registry: DeviceRegistry,
  deadLetters: DeadLetters,
): RejectedEventsReport {
  return {
    devices: deadLetters.summary().map((line) => {
      const device = registry.get(line.deviceId);
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
}
