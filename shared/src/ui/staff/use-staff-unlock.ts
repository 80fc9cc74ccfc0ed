// Who may open the staff overlay, from the store's settings in the local copy:
// a staff PIN (wrong guesses lock the pad for a while) or a staff badge scan.
import { useCallback, useState } from 'react';
import { isStaffBadge, verifyStaffPin, type StaffAccess } from '../../core';

const MAX_WRONG = 5;
const LOCK_MS = 60_000;
// Per page, not per session: an idle reset must not give a guesser new tries.
const guesses = { wrong: 0, lockedUntil: 0 };

export type StaffPhase = 'closed' | 'pin' | 'open';
export type PinAnswer = { ok: true } | { ok: false; lockedForSeconds: number };

export function useStaffUnlock(access: StaffAccess | undefined) {
  const [phase, setPhase] = useState<StaffPhase>('closed');

  const askPin = useCallback(() => setPhase((now) => (now === 'open' ? now : 'pin')), []);
  const close = useCallback(() => setPhase('closed'), []);

  const tryPin = useCallback(
    async (pin: string): Promise<PinAnswer> => {
      const now = Date.now();
      if (now < guesses.lockedUntil)
        return { ok: false, lockedForSeconds: Math.ceil((guesses.lockedUntil - now) / 1000) };
      const right = access?.pin ? await verifyStaffPin(pin, access.pin) : false;
      if (right) {
        guesses.wrong = 0;
        setPhase('open');
        return { ok: true };
      }
      guesses.wrong++;
      if (guesses.wrong >= MAX_WRONG) {
        guesses.wrong = 0;
        guesses.lockedUntil = Date.now() + LOCK_MS;
        return { ok: false, lockedForSeconds: LOCK_MS / 1000 };
      }
      return { ok: false, lockedForSeconds: 0 };
    },
    [access],
  );

  /** True (and the overlay opens) when `code` is a staff badge of this store. */
  const tryBadge = useCallback(
    async (code: string): Promise<boolean> => {
      const badge = await isStaffBadge(code, access);
      if (badge) setPhase('open');
      return badge;
    },
    [access],
  );

  return { phase, askPin, close, tryPin, tryBadge };
}
