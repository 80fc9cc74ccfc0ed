// Approves a new screen or measuring station: it shows a 6-digit pairing code
// until staff enter it. Measuring stations are then paired with a mirror below.
import { useEffect, useState, type FormEvent } from 'react';
import { shortFingerprint, type PendingDevice } from '@vitrine/shared/core';
import { client } from '../common/api';
import { refusal } from '../common/refusal';
import { roleLabel } from './device-roles';
import { StationPairing } from './StationPairing';
import { useText } from './i18n';

export function DeviceApproval() {
  const { t } = useText();
  const [pending, setPending] = useState<PendingDevice[]>([]);
  const [code, setCode] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [approvals, setApprovals] = useState(0);

  const refresh = () =>
    client.stock.pendingDevices().then(
      (answer) => setPending(answer.devices),
      () => setPending([]),
    );
  useEffect(() => void refresh(), []);
  // The store CA's fingerprint: a screen that shows another one talks to a look-alike server.
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  useEffect(() => {
    client.tls.trust().then(
      (bundle) => setFingerprint(shortFingerprint(bundle.fingerprint)),
      () => setFingerprint(null),
    );
  }, []);

  async function approve(event: FormEvent) {
    event.preventDefault();
    try {
      const device = await client.stock.approveDevice({ body: { pairingCode: code.trim() } });
      setNote(
        t.approved(device.name, roleLabel(device.role, t.deviceRoles)) +
          (device.role === 'measure' ? t.pairWithRoom : ''),
      );
      setCode('');
      setApprovals((count) => count + 1);
      await refresh();
    } catch (caught) {
      setNote(refusal(caught, t));
    }
  }

  return (
    <section>
      <h2>{t.newScreens}</h2>
      <form className="row" onSubmit={(event) => void approve(event)}>
        <input
          data-testid="pairing-code"
          aria-label={t.pairingCode}
          inputMode="numeric"
          maxLength={6}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        <button type="submit" className="primary">
          {t.approve}
        </button>
      </form>
      {fingerprint && (
        <p>
          {t.storeFingerprint} <code data-testid="store-fingerprint">{fingerprint}</code>
        </p>
      )}
      {note && <p role="status">{note}</p>}
      <ul>
        {pending.map((device) => (
          <li key={device.id}>
            {device.name} · {roleLabel(device.role, t.deviceRoles)} ·{' '}
            <code>{device.pairingCode}</code>
          </li>
        ))}
      </ul>
      <StationPairing refreshKey={approvals} />
    </section>
  );
}
