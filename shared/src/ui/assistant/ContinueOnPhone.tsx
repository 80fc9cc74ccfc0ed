// "Continue on my phone": the store server makes a short-lived link to the products (a product's
// page, the assistant's answers), shown as a QR code the shopper scans on the guest wifi. No
// sign-in, no personal data in the link. It needs the store's network; offline it says so.
import QRCode from 'qrcode';
import { useState } from 'react';
import type { DeviceHandle } from '../../client';
import { deviceApi } from '../device-api';
import { useI18n } from '../i18n/i18n';

type Phase =
  | { name: 'idle' }
  | { name: 'making' }
  | { name: 'shown'; qr: string; url: string; expiresAt: string }
  | { name: 'offline' };

export function ContinueOnPhone(props: { device: DeviceHandle; productIds: readonly string[] }) {
  const { t, lang } = useI18n();
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const ids = [...new Set(props.productIds)].slice(0, 12);
  if (ids.length === 0) return null;

  async function make() {
    setPhase({ name: 'making' });
    try {
      const { api } = await deviceApi(props.device);
      const link = await api.shortlists.create({ body: { productIds: ids, lang } });
      const qr = await QRCode.toDataURL(link.url, { margin: 2, width: 320 });
      setPhase({ name: 'shown', qr, url: link.url, expiresAt: link.expiresAt });
    } catch {
      setPhase({ name: 'offline' });
    }
  }

  if (phase.name === 'shown') {
    const time = new Date(phase.expiresAt).toLocaleTimeString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      hour: '2-digit',
      minute: '2-digit',
    });
    return (
      <figure className="continue-on-phone" data-testid="continue-on-phone" data-url={phase.url}>
        <img src={phase.qr} width={240} height={240} alt={t.assistant.phoneQr} />
        <figcaption>{t.assistant.phoneHint(time)}</figcaption>
      </figure>
    );
  }
  return (
    <div className="continue-on-phone">
      <button
        type="button"
        data-testid="continue-on-phone-button"
        disabled={phase.name === 'making'}
        onClick={() => void make()}
      >
        {t.assistant.continueOnPhone}
      </button>
      {phase.name === 'offline' && <p role="status">{t.assistant.phoneOffline}</p>}
    </div>
  );
}
