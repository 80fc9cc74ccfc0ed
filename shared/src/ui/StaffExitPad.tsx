// The PIN pad staff use to leave a touchpoint. The Electron shell watches for
// the exit gesture (five corner taps, or a key chord) and asks for it; the PIN
// is checked in the main process, rate-limited there. In a plain browser there
// is no shell and nothing to exit, so this renders nothing.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { PinPad } from './staff/PinPad';
import { useModalFocus } from './use-modal-focus';

const CLOSE_AFTER_MS = 30_000;

const overlay = {
  position: 'fixed' as const,
  inset: 0,
  background: 'rgba(0, 0, 0, 0.75)',
  display: 'grid',
  placeItems: 'center',
  zIndex: 1000,
  fontFamily: 'system-ui, sans-serif',
};
const panel = {
  background: '#fff',
  color: '#111',
  padding: '2rem',
  borderRadius: '1rem',
  minWidth: '20rem',
};
const LABELS = { delete: 'Effacer / Delete', cancel: 'Annuler / Cancel', submit: 'Valider / OK' };

export function StaffExitPad() {
  const [open, setOpen] = useState(false);
  const [activity, setActivity] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => window.vitrine?.onStaffExitRequested(() => setOpen(true)), []);

  // A pad left open in front of shoppers closes by itself.
  useEffect(() => {
    if (!open) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => close(), CLOSE_AFTER_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [open, activity]);

  function close() {
    setOpen(false);
    setError(null);
  }

  async function submit(pin: string) {
    const bridge = window.vitrine;
    if (!bridge || pin.length === 0) return;
    const result = await bridge.exitWithPin(pin);
    if (!result.ok) setError(result.error);
  }

  if (!open) return null;
  return (
    <ExitDialog onClose={close}>
      <PinPad
        labels={LABELS}
        error={error}
        onSubmit={(pin) => void submit(pin)}
        onCancel={close}
        onActivity={() => setActivity((n) => n + 1)}
      />
    </ExitDialog>
  );
}

/** Mounted while open: takes focus, keeps it, closes on Escape (use-modal-focus). */
function ExitDialog(props: { onClose: () => void; children: ReactNode }) {
  const dialog = useRef<HTMLDivElement>(null);
  useModalFocus(dialog, props.onClose);
  return (
    <div style={overlay}>
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby="staff-exit-title"
        data-testid="staff-exit"
        style={panel}
      >
        <h2 id="staff-exit-title">Sortie réservée au personnel / Staff exit</h2>
        {props.children}
      </div>
    </div>
  );
}
