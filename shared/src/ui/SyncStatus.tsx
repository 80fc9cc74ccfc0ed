import type { DeviceHandle } from '../client';
import { useSyncView } from './use-device';

const LABELS = {
  connecting: 'connexion… / connecting…',
  online: 'en ligne / online',
  offline: 'hors ligne — copie locale / offline — local copy',
  refused: 'refusé / refused',
} as const;

/**
 * The sync state: link, checkpoint, events waiting to be delivered. With
 * `machineOnly` (a shopper's screen) it is data attributes only, for tests and
 * tools, nothing anyone sees: staff read it in the staff overlay.
 */
export function SyncStatus({
  device,
  machineOnly,
}: {
  device: DeviceHandle;
  machineOnly?: boolean;
}) {
  const view = useSyncView(device);
  const data = {
    'data-testid': 'sync-status',
    'data-link': view.link,
    'data-checkpoint': view.sync.checkpoint,
    'data-head': view.sync.head,
    'data-pending': view.pendingEvents,
  };
  if (machineOnly) return <span hidden {...data} />;
  return (
    <p
      role="status"
      {...data}
      style={{ fontFamily: 'system-ui, sans-serif', fontSize: '0.9rem', color: '#333' }}
    >
      {LABELS[view.link]} · rev {view.sync.checkpoint}/{view.sync.head}
      {view.sync.phase === 'pulling' ? ' · synchronisation…' : ''}
      {view.pendingEvents > 0 ? ` · ${view.pendingEvents} évènement(s) en attente / pending` : ''}
    </p>
  );
}
