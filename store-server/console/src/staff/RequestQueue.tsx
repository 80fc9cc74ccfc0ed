// The live queue of help calls, size requests and reservations: a snapshot,
// then each change as it happens. Staff acknowledge, answer and close.
import { useEffect, useState } from 'react';
import { openSseFeed } from '@vitrine/shared/ui';
import {
  parseJson,
  StaffRequestFeed,
  type RequestStatus,
  type StaffRequest,
} from '@vitrine/shared/core';
import { api, ConsoleApiError, session } from '../common/api';

const TYPE_LABEL: Record<StaffRequest['type'], string> = {
  help: 'Aide / Help',
  size: 'Taille / Size',
  reservation: 'Réservation / Reservation',
  delivery: 'Livraison / Delivery',
};
/** The chip on each request: the state in words, never the code. */
export const STATUS_LABEL: Record<RequestStatus, string> = {
  new: 'Nouvelle / New',
  acknowledged: 'Prise en charge / Acknowledged',
  'on-the-way': 'En route / On the way',
  'not-available': 'Indisponible / Not available',
  closed: 'Close / Closed',
};
const ACTIONS: Record<RequestStatus, { to: RequestStatus; label: string }[]> = {
  new: [
    { to: 'acknowledged', label: 'Je m’en occupe / Acknowledge' },
    { to: 'closed', label: 'Clore / Close' },
  ],
  acknowledged: [
    { to: 'on-the-way', label: 'En route / On the way' },
    { to: 'not-available', label: 'Indisponible / Not available' },
    { to: 'closed', label: 'Clore / Close' },
  ],
  'on-the-way': [{ to: 'closed', label: 'Clore / Close' }],
  'not-available': [{ to: 'closed', label: 'Clore / Close' }],
  closed: [],
};

export function RequestQueue(props: { onOpenCount: (count: number) => void }) {
  const [requests, setRequests] = useState<Map<string, StaffRequest>>(new Map());
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { onOpenCount } = props;

  useEffect(
    () =>
      openSseFeed(
        '/api/v1/requests/stream',
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
      await api(`/requests/${request.id}/status`, {
        body: { status: to, expectedVersion: request.version },
      });
    } catch (caught) {
      setError(
        caught instanceof ConsoleApiError ? caught.message : 'Réseau indisponible / Network down',
      );
    }
  }

  return (
    <section data-testid="request-queue" data-connected={connected}>
      <h2>
        Demandes en cours / Open requests ({open.length}){' '}
        {connected ? '' : '· hors ligne / offline'}
      </h2>
      {list.length === 0 && <p>Aucune demande / No requests.</p>}
      <table>
        <tbody>
          {list.map((request) => (
            <tr key={request.id} data-request={request.id} data-status={request.status}>
              <td>
                <strong>{TYPE_LABEL[request.type]}</strong>
                <br />
                <span className={`badge ${request.status}`} data-testid="status-chip">
                  {STATUS_LABEL[request.status]}
                </span>
              </td>
              <td>
                {request.place ?? request.deviceName ?? request.deviceId}
                <RequestedItem request={request} />
              </td>
              <td>{new Date(request.createdAt).toLocaleTimeString('fr-FR')}</td>
              <td>
                {ACTIONS[request.status].map((action) => (
                  <button
                    key={action.to}
                    type="button"
                    className="action"
                    onClick={() => void move(request, action.to)}
                  >
                    {action.label}
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

/** What the shopper asked for, as staff would say it: "Chemise en lin · M · blanc". */
function RequestedItem({ request }: { request: StaffRequest }) {
  const variant = [request.variantSize, request.variantColour].filter(Boolean).join(' · ');
  const name =
    request.productName ??
    (request.productId ? 'Produit retiré du catalogue / Product no longer listed' : null);
  if (!name && !request.note) return null;
  return (
    <span className="requested-item" data-testid="requested-item">
      {name && <strong>{name}</strong>}
      {variant && <span className="variant"> · {variant}</span>}
      {request.note && <small> {request.note}</small>}
    </span>
  );
}
