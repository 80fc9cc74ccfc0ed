// Calls ringing for this expert: what the shopper is looking at, where, in
// which language; take it, or decline so that another expert gets it at once.
import type { CallSummary } from '@vitrine/shared/core';
import { euros } from '../common/money';
import { LANGUAGE_LABEL, SKILL_LABEL } from './expert-labels';

export function RingingCalls(props: {
  ringing: CallSummary[];
  available: boolean;
  onTake: (call: CallSummary) => void;
  onDecline: (call: CallSummary) => void;
}) {
  return (
    <section className="card" data-testid="ringing" aria-live="polite">
      <h2>
        Appels entrants / Incoming calls <span className="count">{props.ringing.length}</span>
      </h2>
      {props.ringing.length === 0 && (
        <p className="empty">
          {props.available
            ? 'Aucun appel pour l’instant : les bornes et miroirs vous proposent aux clients. / No call yet: kiosks and mirrors offer you to shoppers.'
            : 'Cochez « Disponible » pour recevoir des appels. / Tick “Available” to receive calls.'}
        </p>
      )}
      {props.ringing.map((call) => (
        <article key={call.callId} data-call={call.callId} className="ring">
          <div className="ring-head">
            <span className="pulse" aria-hidden="true" />
            <strong>{call.product?.name ?? 'Question générale / General question'}</strong>
          </div>
          <p className="meta">
            {call.product && (
              <>
                {call.product.brand} · {euros(call.product.priceCents)} ·{' '}
              </>
            )}
            {call.deviceName} · {SKILL_LABEL[call.skill]} · {LANGUAGE_LABEL[call.lang]}
          </p>
          <p className="meta">
            Vu / Looked at: {call.viewed.map((item) => item.name).join(', ') || '—'}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => props.onTake(call)}>
              Prendre l’appel / Take call
            </button>
            <button type="button" className="secondary" onClick={() => props.onDecline(call)}>
              Refuser / Decline
            </button>
          </div>
        </article>
      ))}
    </section>
  );
}
