import type { DeviceHandle } from '../client';
import { useSyncView } from './use-device';

const LABELS = {
  connecting: 'connexion… / connecting…',
  online: 'en ligne / online',
  offline: 'hors ligne — copie locale / offline — local copy',
  refused: 'refusé / refused',
} as const;

/** A small status line: link, sync checkpoint, events waiting to be delivered. */
export function SyncStatus({ device }: { device: DeviceHandle }) {
  const view = useSyncView(device);
  return (
    <p
      role="status"
      data-testid="sync-status"
      data-link={view.link}
      data-checkpoint={view.sync.checkpoint}
      data-head={view.sync.head}
      data-pending={view.pendingEvents}
      style={{ fontFamily: 'system-ui, sans-serif', fontSize: '0.9rem', color: '#333' }}
    >
      {LABELS[view.link]} · rev {view.sync.checkpoint}/{view.sync.head}
      {view.sync.phase === 'pulling' ? ' · synchronisation…' : ''}
      {view.pendingEvents > 0 ? ` · ${view.pendingEvents} évènement(s) en attente / pending` : ''}
    </p>
  );
}
