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
  reservation: 'Réservation',
  delivery: 'Livraison / Delivery',
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
                <span className={`badge ${request.status}`}>{request.status}</span>
              </td>
              <td>
                {request.place ?? request.deviceName ?? request.deviceId}
                <br />
                <small>
                  {request.productName ?? ''}{' '}
                  {request.variantGtin ? `· ${request.variantGtin}` : ''} {request.note ?? ''}
                </small>
                {request.contact && (
                  <small data-testid="request-contact">
                    <br />
                    {[request.contact.name, request.contact.phone, request.contact.email]
                      .filter(Boolean)
                      .join(' · ')}
                  </small>
                )}
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
