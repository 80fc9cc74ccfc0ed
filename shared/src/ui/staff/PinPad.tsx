// A digit pad for a staff PIN: the digits typed show as dots, never as digits.
// Used to leave the app (StaffExitPad) and to open the staff overlay.
import { useState } from 'react';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
// Inline: the pad shows in every app (signage and mirror have no kiosk.css);
// a stylesheet can still size it through the class names.
const key = { minWidth: '4.5rem', minHeight: '4.5rem', fontSize: '1.6rem', margin: '0.25rem' };
const keys = { display: 'grid', gridTemplateColumns: 'repeat(3, auto)', justifyContent: 'center' };

export type PinPadLabels = { delete: string; cancel: string; submit: string };

export function PinPad(props: {
  labels: PinPadLabels;
  error: string | null;
  /** While set (a lockout after wrong guesses), the pad takes no PIN. */
  disabled?: boolean;
  onSubmit: (pin: string) => void;
  onCancel: () => void;
  /** Called on every key, e.g. to keep an auto-close timer alive. */
  onActivity?: () => void;
}) {
  const [pin, setPin] = useState('');
  const type = (next: string) => {
    setPin(next);
    props.onActivity?.();
  };
  return (
    <div className="pin-pad">
      <p
        aria-live="polite"
        data-testid="staff-exit-pin"
        className="pin-pad-dots"
        style={{ fontSize: '2rem', letterSpacing: '0.5em' }}
      >
        {'•'.repeat(pin.length) || '\u00a0'}
      </p>
      {props.error && (
        <p role="alert" className="pin-pad-error" style={{ color: '#a00' }}>
          {props.error}
        </p>
      )}
      <div className="pin-pad-keys" style={keys}>
        {DIGITS.map((digit) => (
          <button
            key={digit}
            type="button"
            style={key}
            disabled={props.disabled}
            onClick={() => type((pin + digit).slice(0, 12))}
          >
            {digit}
          </button>
        ))}
        <button
          type="button"
          style={key}
          aria-label={props.labels.delete}
          onClick={() => type(pin.slice(0, -1))}
        >
          ⌫
        </button>
      </div>
      <p
        className="pin-pad-actions"
        style={{ display: 'flex', gap: '1rem', justifyContent: 'space-between' }}
      >
        <button type="button" style={key} onClick={props.onCancel}>
          {props.labels.cancel}
        </button>
        <button
          type="button"
          className="primary"
          style={key}
          disabled={props.disabled || pin.length === 0}
          onClick={() => {
            props.onSubmit(pin);
            setPin('');
          }}
        >
          {props.labels.submit}
        </button>
      </p>
    </div>
  );
}
