// The staff-only overlay: revisions, queues and other diagnostics that have no
// place on a shopper's screen. Opened by a staff PIN or badge (use-staff-unlock),
// closed by staff, by Escape, or by itself after a minute without a touch.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { DeviceHandle } from '../../client';
import { useI18n } from '../i18n/i18n';
import { useModalFocus } from '../use-modal-focus';
import type { DiagnosticSection } from './diagnostics';
import { PinPad } from './PinPad';
import type { PinAnswer, StaffPhase } from './use-staff-unlock';

const CLOSE_AFTER_MS = 60_000;

export function StaffOverlay(props: {
  phase: StaffPhase;
  device: DeviceHandle;
  sections: readonly DiagnosticSection[];
  tryPin: (pin: string) => Promise<PinAnswer>;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [activity, setActivity] = useState(0);
  const [checking, setChecking] = useState(false);
  const { phase, onClose } = props;

  useEffect(() => {
    if (phase === 'closed') return;
    const timer = setTimeout(onClose, CLOSE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [phase, activity, onClose]);
  useEffect(() => setError(null), [phase]);

  if (phase === 'closed') return null;
  const submit = async (pin: string) => {
    // One PIN at a time: the pad takes no more digits until this one is checked.
    setChecking(true);
    try {
      const answer = await props.tryPin(pin);
      if (!answer.ok)
        setError(answer.lockedForSeconds > 0 ? t.pinLocked(answer.lockedForSeconds) : t.wrongPin);
    } finally {
      setChecking(false);
    }
  };
  return (
    <ModalFrame
      // A new dialog for each phase: focus moves into the panel once the PIN is right.
      key={phase}
      title={phase === 'pin' ? t.staffPinPrompt : t.staffPanel}
      testId={phase === 'pin' ? 'staff-pin' : 'staff-overlay'}
      onClose={onClose}
      onActivity={() => setActivity((n) => n + 1)}
    >
      {phase === 'pin' ? (
        <PinPad
          labels={{ delete: t.pinDelete, cancel: t.cancel, submit: t.confirm }}
          error={error}
          disabled={checking}
          onSubmit={(pin) => void submit(pin)}
          onCancel={onClose}
        />
      ) : (
        <>
          {props.sections.map(({ id, title, Body }) => (
            <section
              key={id}
              className="diagnostic-section"
              aria-labelledby={`diagnostic-${id}-title`}
              data-testid={`diagnostic-${id}`}
            >
              <h3 id={`diagnostic-${id}-title`}>{title[lang]}</h3>
              <Body device={props.device} />
            </section>
          ))}
          <p>
            <button type="button" className="primary" onClick={onClose}>
              {t.close}
            </button>
          </p>
        </>
      )}
    </ModalFrame>
  );
}

/** A modal dialog that takes focus, keeps it inside, and closes on Escape (use-modal-focus). */
function ModalFrame(props: {
  title: string;
  testId: string;
  onClose: () => void;
  onActivity: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDivElement>(null);
  useModalFocus(dialog, props.onClose);

  return (
    <div className="overlay staff-overlay" onPointerDown={props.onActivity}>
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${props.testId}-title`}
        className="dialog staff-dialog"
        data-testid={props.testId}
        tabIndex={-1}
        onKeyDown={props.onActivity}
      >
        <h2 id={`${props.testId}-title`}>{props.title}</h2>
        {props.children}
      </div>
    </div>
  );
}
