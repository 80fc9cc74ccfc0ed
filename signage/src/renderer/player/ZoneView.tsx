// A zone shows its current item above the next one, which is already mounted
// and decoding underneath. When the current ends, the next is promoted by a
// change of stacking only: the outgoing item stays until the new one covers it.
import type { DeviceHandle } from '@vitrine/shared/client';
import type { ZoneFrame } from './player-engine';
import type { MediaCache } from './media-cache';
import { ItemView } from './ItemView';

export function ZoneView(props: {
  frame: ZoneFrame;
  media: MediaCache;
  device: DeviceHandle;
  lang: 'fr' | 'en';
}) {
  const { zone, current, next } = props.frame;
  const layers = [
    { position: current, active: true },
    { position: next, active: false },
  ];
  return (
    <section
      className="zone"
      data-testid={`zone-${zone.id}`}
      data-item={current.item.id}
      style={{
        left: `${zone.x}%`,
        top: `${zone.y}%`,
        width: `${zone.width}%`,
        height: `${zone.height}%`,
      }}
    >
      {layers.map(({ position, active }) => (
        <div
          // Keyed by play so the prepared element is the one that becomes current.
          key={`${position.cycle}:${position.index}`}
          className="layer"
          data-layer={active ? 'current' : 'next'}
          data-item-id={position.item.id}
          // The next layer is painted (so decoded) under the opaque current one.
          style={{ zIndex: active ? 2 : 1 }}
        >
          <ItemView
            item={position.item}
            media={props.media}
            device={props.device}
            active={active}
            lang={props.lang}
          />
        </div>
      ))}
    </section>
  );
}
