// Owns what outlives a shopper: the size charts, the store's settings (its
// brand theme), the screen's scale and the idle reset, which
// remounts the session so nothing of the last shopper survives (garments,
// measurements, requests shown, any photo or share link).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DeviceHandle } from '@vitrine/shared/client';
import { DeviceAssistant } from '@vitrine/shared/client/assistant';
import type { SizeChart } from '@vitrine/shared/core';
import {
  ExpertLineProvider,
  forgetViewedProducts,
  useScreenScale,
  useStoreSettings,
} from '@vitrine/shared/ui';
import { MirrorSession } from './MirrorSession';
import type { MirrorConfig } from './mirror-config';
import { fetchSizeCharts } from './size-charts';

export function MirrorApp({ device, config }: { device: DeviceHandle; config: MirrorConfig }) {
  const [session, setSession] = useState(0);
  const [charts, setCharts] = useState<SizeChart[] | undefined>(undefined);
  const settings = useStoreSettings(device.db, device.storeId);
  useScreenScale(config.screenInches);
  // The assistant's engine in its own worker, built at the first question.
  const assistant = useMemo(() => new DeviceAssistant(device.db.name), [device]);
  useEffect(() => () => assistant.dispose(), [assistant]);
  useEffect(() => {
    let cancelled = false;
    void fetchSizeCharts(device).then((next) => {
      if (!cancelled && next) setCharts(next);
    });
    return () => {
      cancelled = true;
    };
  }, [device, session]);

  const reset = useCallback(() => {
    void device.outbox
      .record({ kind: 'interaction', payload: { action: 'reset', screen: 'mirror' } })
      .catch(() => undefined);
    forgetViewedProducts(); // the next shopper's expert must not see this one's garments
    setSession((n) => n + 1);
  }, [device]);

  // The expert line is the session's: a call goes on while the shopper moves
  // between garments, and the reset (a new key) ends it.
  return (
    <ExpertLineProvider key={session} device={device}>
      <MirrorSession
        device={device}
        assistant={assistant}
        config={config}
        charts={charts}
        brand={settings?.theme}
        currency={settings?.currency}
        onReset={reset}
      />
    </ExpertLineProvider>
  );
}
