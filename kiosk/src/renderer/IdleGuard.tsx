// The idle countdown and reset, in a component of its own: the idle hook ticks
// four times a second, and in the session it re-rendered the whole screen
// (search panel included) at each tick, sometimes in the middle of a keystroke.
import { IdleCountdown, useIdle } from '@vitrine/shared/ui';

export function IdleGuard(props: {
  idleMs: number;
  countdownMs: number;
  /** Whether the shopper touched anything (an untouched kiosk has nothing to reset). */
  enabled: boolean;
  onExpire: () => void;
}) {
  const idle = useIdle(props);
  return idle.secondsLeft === undefined ? null : (
    <IdleCountdown secondsLeft={idle.secondsLeft} onStay={idle.stay} />
  );
}
