// A scrolling ticker: the campaign's text, then (when the item asks for it) the
// promotions running now, read from the local copy every second and whenever
// promotions sync — a promotion that ends leaves the ticker at its end time,
// even on a screen that has been playing for days.
import type { PlaylistItem, Promotion } from '@vitrine/shared/core';
import type { DeviceHandle } from '@vitrine/shared/client';
import { useLocalRead } from './use-local-read';

type TickerItem = Extract<PlaylistItem, { kind: 'ticker' }>;

async function runningPromotions(device: DeviceHandle, now: Date): Promise<Promotion[]> {
  const at = now.toISOString();
  const all = await device.db.promotions.toArray();
  return all
    .filter((promotion) => promotion.startsAt <= at && at < promotion.endsAt)
    .sort((a, b) => a.endsAt.localeCompare(b.endsAt) || a.id.localeCompare(b.id));
}

const none = (): Promise<Promotion[]> => Promise.resolve([]);

export function TickerView(props: { item: TickerItem; device: DeviceHandle; lang: 'fr' | 'en' }) {
  const { item } = props;
  const promotions =
    useLocalRead(
      props.device,
      item.promotions ? runningPromotions : none,
      item.promotions ? 'promotions' : 'none',
    ) ?? [];
  const parts = [item.text[props.lang], ...promotions.map((p) => p.label[props.lang])].filter(
    (part) => part.trim() !== '',
  );
  return (
    <div
      className="ticker"
      data-testid="ticker"
      data-promotions={promotions.map((promotion) => promotion.id).join(' ')}
    >
      <span>{parts.join(' · ')}</span>
    </div>
  );
}
