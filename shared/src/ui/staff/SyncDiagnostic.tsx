// The sync engine as staff need to see it: link, revisions, outbox, errors.
import type { DeviceHandle } from '../../client';
import { useI18n } from '../i18n/i18n';
import { useSyncView } from '../use-device';
import { DiagnosticLines, type DiagnosticSection } from './diagnostics';

function SyncLines({ device }: { device: DeviceHandle }) {
  const { t } = useI18n();
  const view = useSyncView(device);
  const { sync } = view;
  const behind = sync.checkpoint < sync.head;
  return (
    <DiagnosticLines
      lines={[
        {
          label: t.link,
          value: t.linkStates[view.link],
          state: view.link === 'online' ? 'ok' : view.link === 'connecting' ? 'warn' : 'bad',
          testId: 'diagnostic-link',
        },
        {
          label: t.revision,
          value: `${sync.checkpoint} / ${sync.head}${sync.phase === 'pulling' ? ` · ${t.syncing}` : ''}`,
          state: behind ? 'warn' : 'ok',
          testId: 'diagnostic-revision',
        },
        {
          label: t.pendingEvents,
          value: view.pendingEvents,
          state: view.pendingEvents > 0 ? 'warn' : 'ok',
          testId: 'diagnostic-pending',
        },
        ...(view.refusedEvents.count > 0
          ? [
              {
                label: t.refusedEvents,
                value: `${view.refusedEvents.count} · ${view.refusedEvents.lastReason ?? ''}`,
                state: 'bad' as const,
                testId: 'diagnostic-refused',
              },
            ]
          : []),
        ...(sync.invalidDocs > 0
          ? [{ label: t.invalidDocs, value: sync.invalidDocs, state: 'warn' as const }]
          : []),
        ...(sync.lastError
          ? [{ label: t.lastSyncError, value: sync.lastError, state: 'bad' as const }]
          : []),
      ]}
    />
  );
}

export const syncDiagnostic: DiagnosticSection = {
  id: 'sync',
  title: { fr: 'Synchronisation', en: 'Sync' },
  Body: SyncLines,
};
