import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';

/** The visible countdown before a session is cleared; any touch or key keeps it. */
export function IdleCountdown({
  secondsLeft,
  onStay,
}: {
  secondsLeft: number;
  onStay: () => void;
}) {
  const { t } = useI18n();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div
      className="overlay"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="idle-title"
      aria-describedby="idle-text"
      data-testid="idle-countdown"
    >
      <div className="dialog">
        <h2 id="idle-title">{t.idleTitle}</h2>
        <p id="idle-text" aria-live="polite">
          {t.idleCountdown(secondsLeft)}
        </p>
        <button ref={button} type="button" className="primary" onClick={onStay}>
          {t.stay}
        </button>
      </div>
    </div>
  );
}
