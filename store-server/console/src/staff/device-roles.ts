// What staff read for an enrolled device's role (the words: staff/messages.ts deviceRoles).
import type { DeviceRole } from '@vitrine/shared/core';

export function roleLabel(role: string, labels: Record<DeviceRole, string>): string {
  return role in labels ? labels[role as DeviceRole] : role;
}
