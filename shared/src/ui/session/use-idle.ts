// Inactivity on a public screen: after `idleMs` without a touch or key, a
// visible countdown of `countdownMs`, then `onExpire` (the session reset).
// A shopper talking with an expert touches nothing: no countdown while the
// session's call waits or goes on.
import { useEffect, useRef, useState } from 'react';
import { useSessionExpertLine } from '../call/expert-line-context';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function useIdle(options: {
  idleMs: number;
  countdownMs: number;
  enabled: boolean;
  onExpire: () => void;
}): { secondsLeft: number | undefined; stay: () => void } {
  const [deadline, setDeadline] = useState<number | undefined>(undefined);
  const [now, setNow] = useState(() => Date.now());
  const expire = useRef(options.onExpire);
  expire.current = options.onExpire;
  const lastActivity = useRef(Date.now());
  const phase = useSessionExpertLine()?.call.phase;
  const inCall = phase === 'requesting' || phase === 'queued' || phase === 'connected';
  const enabled = options.enabled && !inCall;

  useEffect(() => {
    if (!enabled) {
      setDeadline(undefined);
      return;
    }
    lastActivity.current = Date.now();
    const onActivity = () => {
      lastActivity.current = Date.now();
      setDeadline(undefined);
    };
    for (const type of ACTIVITY) window.addEventListener(type, onActivity, true);
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      const idleFor = at - lastActivity.current;
      if (idleFor >= options.idleMs + options.countdownMs) {
        lastActivity.current = at;
        setDeadline(undefined);
        expire.current();
      } else if (idleFor >= options.idleMs) {
        setDeadline(lastActivity.current + options.idleMs + options.countdownMs);
      }
    }, 250);
    return () => {
      clearInterval(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, onActivity, true);
    };
  }, [enabled, options.idleMs, options.countdownMs]);

  return {
    secondsLeft:
      deadline === undefined ? undefined : Math.max(0, Math.ceil((deadline - now) / 1000)),
    stay: () => {
      lastActivity.current = Date.now();
      setDeadline(undefined);
    },
  };
}
