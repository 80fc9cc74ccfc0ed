// What staff read for each enrolled device's role, in French and English.
import type { DeviceRole } from '@vitrine/shared/core';

const ROLE_LABELS: Record<DeviceRole, string> = {
  kiosk: 'Borne / Kiosk',
  signage: 'Affichage / Signage',
  mirror: 'Miroir / Mirror',
  measure: 'Station de mesure / Measuring station',
};

export function roleLabel(role: string): string {
  return role in ROLE_LABELS ? ROLE_LABELS[role as DeviceRole] : role;
}
