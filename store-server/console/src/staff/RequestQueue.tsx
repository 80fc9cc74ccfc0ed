// The live queue of help calls, size requests and reservations: a snapshot,
// then each change as it happens. Staff acknowledge, answer and close.
import { useEffect, useState } from 'react';
import { openSseFeed } from '@vitrine/shared/ui/call';
import {
  apiRoutes,
  parseJson,
  routeUrl,
  StaffRequestFeed,
  type RequestStatus,
  type StaffContact,
  type StaffRequest,
} from '@vitrine/shared/core';
import { client, session } from '../common/api';
import { refusal } from '../common/refusal';
import { useText } from './i18n';

/** The moves staff may make from each state (their words: t.moveTo; the chip: t.status). */
const ACTIONS: Record<RequestStatus, { to: Exclude<RequestStatus, 'new'> }[]> = {
  new: [{ to: 'acknowledged' }, { to: 'closed' }],
  acknowledged: [{ to: 'on-the-way' }, { to: 'not-available' }, { to: 'closed' }],
  'on-the-way': [{ to: 'closed' }],
  'not-available': [{ to: 'closed' }],
  closed: [],
};

export function RequestQueue(props: { onOpenCount: (count: number) => void }) {
  const [requests, setRequests] = useState<Map<string, StaffRequest>>(new Map());
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { onOpenCount } = props;
  const { t, locale } = useText();

  useEffect(
    () =>
      openSseFeed(
        routeUrl('', apiRoutes.requests.stream, {}),
        { authorization: `Bearer ${session.token() ?? ''}` },
        (message) => {
          const feed = parseJson(StaffRequestFeed, message.data);
          if (!feed.ok) return;
          setRequests((current) => {
            const next =
              message.event === 'snapshot' ? new Map<string, StaffRequest>() : new Map(current);
            for (const request of feed.value.requests) {
              const known = next.get(request.id);
              if (!known || known.version <= request.version) next.set(request.id, request);
            }
            return next;
          });
        },
        setConnected,
      ),
    [],
  );

  const list = [...requests.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const open = list.filter((request) => request.status !== 'closed');
  useEffect(() => onOpenCount(open.length), [open.length, onOpenCount]);

  async function move(request: StaffRequest, to: RequestStatus) {
    setError(null);
    try {
      await client.requests.move({
        params: { id: request.id },
        body: { status: to, expectedVersion: request.version },
      });
    } catch (caught) {
      setError(refusal(caught, t));
    }
  }

  return (
    <section data-testid="request-queue" data-connected={connected}>
      <h2>
        {t.openRequests(open.length)} {connected ? '' : `· ${t.offline}`}
      </h2>
      {list.length === 0 && <p>{t.noRequests}</p>}
      <table>
        <tbody>
          {list.map((request) => (
            <tr key={request.id} data-request={request.id} data-status={request.status}>
              <td>
                <strong>{t.requestType[request.type]}</strong>
                <br />
                <span className={`badge ${request.status}`} data-testid="status-chip">
                  {t.status[request.status]}
                </span>
              </td>
              <td>
                {request.place ?? request.deviceName ?? request.deviceId}
                <RequestedItem request={request} />
                {request.contact && <ShopperContactLine contact={request.contact} />}
                <Conversation request={request} />
              </td>
              <td>{new Date(request.createdAt).toLocaleTimeString(locale)}</td>
              <td>
                {ACTIONS[request.status].map((action) => (
                  <button
                    key={action.to}
                    type="button"
                    className="action"
                    onClick={() => void move(request, action.to)}
                  >
                    {t.moveTo[action.to]}
                  </button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}

/** A hand-off from the assistant: the whole conversation and the products looked at, so nobody asks again. */
function Conversation({ request }: { request: StaffRequest }) {
  const { t } = useText();
  if (!request.transcript?.length && !request.viewed?.length) return null;
  return (
    <details className="conversation" data-testid="request-conversation" open>
      <summary>{t.conversation.title}</summary>
      <ol>
        {request.transcript?.map((line, index) => (
          <li key={index} className={`from-${line.from}`}>
            <strong>{t.conversation[line.from]}</strong> {line.text}
          </li>
        ))}
      </ol>
      {request.viewed && request.viewed.length > 0 && (
        <p data-testid="request-viewed">
          {t.conversation.viewed}{' '}
          {request.viewed.map((product) => product.name ?? t.productGone).join(', ')}
        </p>
      )}
    </details>
  );
}

/** Who to tell about a reservation or an order, with links a staff tablet can call or write from. */
function ShopperContactLine({ contact }: { contact: StaffContact }) {
  const { t } = useText();
  return (
    <span className="request-contact" data-testid="request-contact">
      {t.contact.label} <strong>{contact.name}</strong>
      {contact.phone && (
        <>
          {' · '}
          <a
            href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}
            aria-label={`${t.contact.phone} ${contact.name}, ${contact.phone}`}
          >
            {contact.phone}
          </a>
        </>
      )}
      {contact.email && (
        <>
          {' · '}
          <a
            href={`mailto:${contact.email}`}
            aria-label={`${t.contact.email} ${contact.name}, ${contact.email}`}
          >
            {contact.email}
          </a>
        </>
      )}
    </span>
  );
}

/** What the shopper asked for, as staff would say it: "Chemise en lin · M · blanc". */
function RequestedItem({ request }: { request: StaffRequest }) {
  const { t } = useText();
  const variant = [request.variantSize, request.variantColour].filter(Boolean).join(' · ');
  const name = request.productName ?? (request.productId ? t.productGone : null);
  if (!name && !request.note) return null;
  return (
    <span className="requested-item" data-testid="requested-item">
      {name && <strong>{name}</strong>}
      {variant && <span className="variant"> · {variant}</span>}
      {request.note && <small> {request.note}</small>}
    </span>
  );
}
