// Who may open the staff overlay, from the store's settings in the local copy:
// a staff PIN (wrong guesses make the pad wait longer each time, pin-guesses.ts)
// or a staff badge scan, which opens it whatever the pad's wait.
import { useCallback, useState } from 'react';
import { isStaffBadge, verifyStaffPin, type StaffAccess } from '../../core';
import { createPinGuesses } from './pin-guesses';

// Per page, not per session: an idle reset must not give a guesser new tries.
const guesses = createPinGuesses();

export type StaffPhase = 'closed' | 'pin' | 'open';
export type PinAnswer = { ok: true } | { ok: false; lockedForSeconds: number };

export function useStaffUnlock(access: StaffAccess | undefined) {
  const [phase, setPhase] = useState<StaffPhase>('closed');

  const askPin = useCallback(() => setPhase((now) => (now === 'open' ? now : 'pin')), []);
  const close = useCallback(() => setPhase('closed'), []);

  const tryPin = useCallback(
    async (pin: string): Promise<PinAnswer> => {
      const left = guesses.waitLeft(Date.now());
      if (left > 0) return { ok: false, lockedForSeconds: Math.ceil(left / 1000) };
      const right = access?.pin ? await verifyStaffPin(pin, access.pin) : false;
      if (right) {
        guesses.right();
        setPhase('open');
        return { ok: true };
      }
      return { ok: false, lockedForSeconds: Math.ceil(guesses.wrong(Date.now()) / 1000) };
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
