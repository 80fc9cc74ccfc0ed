// What head office does for one store: change its neighbours, hand out a one-time enrolment
// code (shown once, with the command to run at the store), revoke it after a confirmation.
import { useState } from 'react';
import { parseIdList } from '@vitrine/shared/console-kit';
import type { HqStore } from '@vitrine/shared/core';
import { failure, hq } from '../api';
import { useText } from '../i18n';
import type { NoticeState } from '../Notice';
import { when } from '../when';

type Open = 'neighbours' | 'revoke' | null;
type Code = { code: string; expiresAt: string };

/** The exact command a store runs to enrol with this head office (hq-enrol-cli's arguments). */
function enrolCommand(storeId: string, code: string): string {
  return `npm run hq-enrol -- --hq ${window.location.origin} --code ${code} --store ${storeId} --data ./data`;
}

export function StoreActions(props: {
  store: HqStore;
  onChanged: () => void;
  onNotice: (notice: NoticeState) => void;
}) {
  const { t, locale } = useText();
  const { store } = props;
  const [open, setOpen] = useState<Open>(null);
  const [neighbours, setNeighbours] = useState(store.neighbours.join(', '));
  const [code, setCode] = useState<Code | null>(null);
  const run = async (work: () => Promise<unknown>, done: string | null) => {
    props.onNotice(null);
    try {
      await work();
      setOpen(null);
      if (done) props.onNotice({ kind: 'status', text: done });
      props.onChanged();
    } catch (caught) {
      props.onNotice({ kind: 'alert', text: `${t.refused} ${failure(caught, t.unreachable)}` });
    }
  };
  const params = { id: store.id };

  return (
    <div className="store-actions">
      <div className="row">
        <button
          type="button"
          className="action"
          onClick={() => setOpen(open === 'neighbours' ? null : 'neighbours')}
        >
          {t.editNeighbours}
        </button>
        <button
          type="button"
          className="action"
          onClick={() =>
            void run(async () => {
              const reply = await hq.stores.createEnrolCode({ params, body: { ttlMinutes: 60 } });
              setCode({ code: reply.code, expiresAt: reply.expiresAt });
            }, null)
          }
        >
          {t.enrolCode}
        </button>
        {store.status === 'active' && (
          <button type="button" className="action danger" onClick={() => setOpen('revoke')}>
            {t.revoke}
          </button>
        )}
      </div>
      {open === 'neighbours' && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () =>
                hq.stores.setNeighbours({ params, body: { neighbours: parseIdList(neighbours) } }),
              t.neighboursSaved,
            );
          }}
        >
          <label>
            {t.neighbours}
            <input
              name="neighbours"
              size={28}
              value={neighbours}
              onChange={(e) => setNeighbours(e.target.value)}
            />
          </label>
          <button type="submit" className="primary">
            {t.save}
          </button>
        </form>
      )}
      {open === 'revoke' && (
        <div role="alertdialog" aria-label={t.revoke} className="confirm">
          <p>{t.revokeConfirm(store.id)}</p>
          <button
            type="button"
            className="primary danger"
            onClick={() => void run(() => hq.stores.revoke({ params }), t.revoked(store.id))}
          >
            {t.revokeYes}
          </button>
          <button type="button" className="action" onClick={() => setOpen(null)}>
            {t.cancel}
          </button>
        </div>
      )}
      {code && (
        <div className="enrol-code" data-testid="enrol-code">
          <p>{t.enrolCodeOnce(when(code.expiresAt, locale, t.never))}</p>
          <code>{enrolCommand(store.id, code.code)}</code>
          <button type="button" className="action" onClick={() => setCode(null)}>
            {t.close}
          </button>
        </div>
      )}
    </div>
  );
}
