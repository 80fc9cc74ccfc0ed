// The expert console's words for states, French / English like the staff console.
import type { ExpertPresence, ExpertSkill } from '@vitrine/shared/core';
import type { ExpertPresenceState } from '@vitrine/shared/client';

export const SKILL_LABEL: Record<ExpertSkill, string> = {
  wine: 'Vin / Wine',
  nutrition: 'Nutrition',
  style: 'Style',
  tech: 'High-tech',
};

export const PRESENCE_LABEL: Record<ExpertPresence, string> = {
  offline: 'Hors ligne / Offline',
  away: 'En pause / Away',
  available: 'Disponible / Available',
  busy: 'En appel / In a call',
};

export const LINK_LABEL: Record<ExpertPresenceState | 'starting', string> = {
  starting: 'Connexion… / Connecting…',
  connecting: 'Connexion… / Connecting…',
  online: 'Connectée au magasin / Connected to the store',
  offline: 'Magasin injoignable / Store unreachable',
  refused: 'Session refusée / Session refused',
  replaced: 'Ouverte ailleurs / Opened elsewhere',
};

export const LANGUAGE_LABEL: Record<'fr' | 'en', string> = {
  fr: 'Français',
  en: 'English',
};
