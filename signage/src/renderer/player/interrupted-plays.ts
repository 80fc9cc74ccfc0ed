// Proof of play across a reload: the plays on screen are noted (synchronously,
// so a page being unloaded still writes them) with how long they have run; the
// next start closes each as interrupted with that duration, so a play cut short
// is never counted as a full one nor left without an end.
import { ProofOfPlayPayload, parseUnknown } from '@vitrine/shared/core';
import type { OpenPlay, PlayEvent } from './player-engine';

const KEY = 'vitrine.signage.openPlays';

export function saveOpenPlays(plays: OpenPlay[], storage: Storage = localStorage): void {
  const ends: PlayEvent[] = plays.map((play) => ({ ...play, phase: 'end', interrupted: true }));
  try {
    storage.setItem(KEY, JSON.stringify(ends));
  } catch {
    // Storage full or disabled: the play then stays unfinished in the report.
  }
}

/** Takes the plays a previous page left open, as the interrupted ends to record. */
export function takeInterruptedPlays(storage: Storage = localStorage): PlayEvent[] {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(KEY) ?? 'null');
    storage.removeItem(KEY);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const parsed = parseUnknown(ProofOfPlayPayload, item);
    return parsed.ok && parsed.value.interrupted ? [parsed.value] : [];
  });
}
