import { useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import { useModalFocus } from '../use-modal-focus';

/** The visible countdown before a session is cleared; any touch or key keeps it.
 * A modal dialog: it takes focus, and gives it back to where it was when it closes. */
export function IdleCountdown({
  secondsLeft,
  onStay,
}: {
  secondsLeft: number;
  onStay: () => void;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDivElement>(null);
  useModalFocus(dialog, onStay);
  return (
    <div
      ref={dialog}
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
        <button type="button" className="primary" onClick={onStay}>
          {t.stay}
        </button>
      </div>
    </div>
  );
}
