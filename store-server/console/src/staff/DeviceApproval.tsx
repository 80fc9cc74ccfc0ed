// Approves a new screen or measuring station: it shows a 6-digit pairing code
// until staff enter it. Measuring stations are then paired with a mirror below.
import { useEffect, useState, type FormEvent } from 'react';
import { api, ConsoleApiError } from '../common/api';
import { roleLabel } from './device-roles';
import { StationPairing } from './StationPairing';

type Pending = { id: string; role: string; name: string; pairingCode: string | null };

export function DeviceApproval() {
  const [pending, setPending] = useState<Pending[]>([]);
  const [code, setCode] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [approvals, setApprovals] = useState(0);

  const refresh = () =>
    api<{ devices: Pending[] }>('/staff/devices/pending').then(
      (answer) => setPending(answer.devices),
      () => setPending([]),
    );
  useEffect(() => void refresh(), []);

  async function approve(event: FormEvent) {
    event.preventDefault();
    try {
      const device = await api<{ name: string; role: string }>('/staff/devices/approve', {
        body: { pairingCode: code.trim() },
      });
      setNote(
        `Approuvé / Approved: ${device.name} (${roleLabel(device.role)})` +
          (device.role === 'measure'
            ? ' — associez-la à une cabine / pair it with a fitting room'
            : ''),
      );
      setCode('');
      setApprovals((count) => count + 1);
      await refresh();
    } catch (caught) {
      setNote(
        caught instanceof ConsoleApiError ? caught.message : 'Réseau indisponible / Network down',
      );
    }
  }

  return (
    <section>
      <h2>Nouveaux écrans / New screens</h2>
      <form className="row" onSubmit={(event) => void approve(event)}>
        <input
          data-testid="pairing-code"
          aria-label="Code d’appairage / Pairing code"
          inputMode="numeric"
          maxLength={6}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        <button type="submit" className="primary">
          Approuver / Approve
        </button>
      </form>
      {note && <p role="status">{note}</p>}
      <ul>
        {pending.map((device) => (
          <li key={device.id}>
            {device.name} · {roleLabel(device.role)} · <code>{device.pairingCode}</code>
          </li>
        ))}
      </ul>
      <StationPairing refreshKey={approvals} />
    </section>
  );
}
