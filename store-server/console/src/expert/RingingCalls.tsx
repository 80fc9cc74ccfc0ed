// Calls ringing for this expert: what the shopper is looking at, where, in
// which language; take it, or decline so that another expert gets it at once.
import type { CallSummary } from '@vitrine/shared/core';
import { CallTranscript } from './CallTranscript';
import { useText } from './i18n';

export function RingingCalls(props: {
  ringing: CallSummary[];
  available: boolean;
  onTake: (call: CallSummary) => void;
  onDecline: (call: CallSummary) => void;
}) {
  const { t, price } = useText();
  return (
    <section className="card" data-testid="ringing" aria-live="polite">
      <h2>
        {t.incomingCalls} <span className="count">{props.ringing.length}</span>
      </h2>
      {props.ringing.length === 0 && (
        <p className="empty">{props.available ? t.noCallYet : t.tickAvailable}</p>
      )}
      {props.ringing.map((call) => (
        <article key={call.callId} data-call={call.callId} className="ring">
          <div className="ring-head">
            <span className="pulse" aria-hidden="true" />
            <strong>{call.product?.name ?? t.generalQuestion}</strong>
          </div>
          <p className="meta">
            {call.product && (
              <>
                {call.product.brand} · {price(call.product.priceCents)} ·{' '}
              </>
            )}
            {call.deviceName} · {t.skills[call.skill]} · {t.languages[call.lang]}
          </p>
          <p className="meta">
            {t.lookedAt(call.viewed.map((item) => item.name).join(', ') || '—')}
          </p>
          <CallTranscript call={call} />
          <div className="actions">
            <button type="button" className="primary" onClick={() => props.onTake(call)}>
              {t.takeCall}
            </button>
            <button type="button" className="secondary" onClick={() => props.onDecline(call)}>
              {t.decline}
            </button>
          </div>
        </article>
      ))}
    </section>
  );
}
