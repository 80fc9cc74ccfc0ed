// Approves a new screen: it shows a 6-digit pairing code until staff enter it.
import { useEffect, useState, type FormEvent } from 'react';
import { api, ConsoleApiError } from '../common/api';

type Pending = { id: string; role: string; name: string; pairingCode: string | null };

export function DeviceApproval() {
  const [pending, setPending] = useState<Pending[]>([]);
  const [code, setCode] = useState('');
  const [note, setNote] = useState<string | null>(null);

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
      setNote(`Approuvé / Approved: ${device.name} (${device.role})`);
      setCode('');
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
            {device.name} · {device.role} · <code>{device.pairingCode}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
