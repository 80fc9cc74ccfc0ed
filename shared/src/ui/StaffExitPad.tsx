// The PIN pad staff use to leave a touchpoint. The Electron shell watches for
// the exit gesture (five corner taps, or a key chord) and asks for it; the PIN
// is checked in the main process, rate-limited there. In a plain browser there
// is no shell and nothing to exit, so this renders nothing.
import { useEffect, useRef, useState } from 'react';

const CLOSE_AFTER_MS = 30_000;
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

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
const key = { minWidth: '4.5rem', minHeight: '4.5rem', fontSize: '1.6rem', margin: '0.25rem' };

export function StaffExitPad() {
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
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
  }, [open, pin]);

  function close() {
    setOpen(false);
    setPin('');
    setError(null);
  }

  async function submit() {
    const bridge = window.vitrine;
    if (!bridge || pin.length === 0) return;
    const result = await bridge.exitWithPin(pin);
    setPin('');
    if (!result.ok) setError(result.error);
  }

  if (!open) return null;
  return (
    <div style={overlay}>
      <div role="dialog" aria-modal="true" aria-labelledby="staff-exit-title" style={panel}>
        <h2 id="staff-exit-title">Sortie réservée au personnel / Staff exit</h2>
        <p
          aria-live="polite"
          data-testid="staff-exit-pin"
          style={{ fontSize: '2rem', letterSpacing: '0.5em' }}
        >
          {'•'.repeat(pin.length) || '\u00a0'}
        </p>
        {error && (
          <p role="alert" style={{ color: '#a00' }}>
            {error}
          </p>
        )}
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(3, auto)',
            justifyContent: 'center',
          }}
        >
          {DIGITS.map((digit) => (
            <button
              key={digit}
              type="button"
              style={key}
              onClick={() => setPin((current) => (current + digit).slice(0, 12))}
            >
              {digit}
            </button>
          ))}
          <button
            type="button"
            style={key}
            aria-label="Effacer / Delete"
            onClick={() => setPin((current) => current.slice(0, -1))}
          >
            ⌫
          </button>
        </div>
        <p style={{ display: 'flex', gap: '1rem', justifyContent: 'space-between' }}>
          <button type="button" style={key} onClick={close}>
            Annuler / Cancel
          </button>
          <button type="button" style={key} onClick={() => void submit()}>
            Valider / OK
          </button>
        </p>
      </div>
    </div>
  );
}
