// The signage screen: the engine's frame laid out in zones, or the default
// screen. Playback never waits for the network.
import { useRef } from 'react';
import type { DeviceCredential, TrustAnchor } from '@vitrine/shared/core';
import type { DeviceHandle } from '@vitrine/shared/client';
import { useStoreSettings } from '@vitrine/shared/ui/screen';
import { DefaultScreen } from './DefaultScreen';
import { TextProvider } from './signage-text';
import { usePlayer } from './use-player';
import { ZoneView } from './ZoneView';

export function Player(props: {
  device: DeviceHandle;
  baseUrl: string;
  credential: DeviceCredential;
  headOfficeKey?: TrustAnchor | undefined;
  version: string;
  rootRef?: React.RefObject<HTMLDivElement | null>;
}) {
  const fallbackRef = useRef<HTMLDivElement>(null);
  const { frame, plays, media, storeId, lang, timeZone } = usePlayer(props.device, props);
  const settings = useStoreSettings(props.device.db, props.device.storeId);
  const showing = frame.mode === 'default' ? 'default' : frame.campaign.id;
  return (
    <TextProvider lang={lang} currency={settings?.currency}>
      <div
        className="player"
        ref={props.rootRef ?? fallbackRef}
        data-testid="player"
        data-mode={frame.mode}
        data-campaign={showing}
        data-plays-started={plays.started}
        data-plays-ended={plays.ended}
        data-revision={frame.mode === 'default' ? '' : String(frame.campaign.revision)}
        lang={lang}
      >
        {frame.mode === 'default' || !media ? (
          <DefaultScreen
            storeId={storeId}
            storeName={settings?.theme?.name}
            timeZone={timeZone}
            lang={lang}
          />
        ) : (
          frame.zones.map((zone) => (
            <ZoneView
              key={zone.zone.id}
              frame={zone}
              media={media}
              device={props.device}
              lang={lang}
            />
          ))
        )}
      </div>
    </TextProvider>
  );
}
