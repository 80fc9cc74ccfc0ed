// Owns what outlives a shopper session: the search index (in its worker, which
// indexes again only the products each write to the copy changed), the
// assistant's worker, the store's
// settings and the screen's scale, and the idle reset, which remounts the
// session so nothing the last shopper touched survives.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DeviceHandle } from '@vitrine/shared/client';
import { DeviceAssistant } from '@vitrine/shared/client/assistant';
import { CatalogueSearch } from '@vitrine/shared/client/search';
import {
  ExpertLineProvider,
  forgetViewedProducts,
  useScreenScale,
  useStoreSettings,
} from '@vitrine/shared/ui';
import { KioskSession } from './KioskSession';
import type { KioskConfig } from './kiosk-config';
import { useStoreContext } from './use-store-context';

export function KioskApp({ device, config }: { device: DeviceHandle; config: KioskConfig }) {
  const search = useMemo(() => new CatalogueSearch(device.db.name, device.storeId), [device]);
  const [session, setSession] = useState(0);
  const storeContext = useStoreContext(device.db);
  const settings = useStoreSettings(device.db, device.storeId);
  const scale = useScreenScale(config.screenInches);
  // The assistant's engine lives in its own worker, built at the first question.
  const assistant = useMemo(() => new DeviceAssistant(device.db.name), [device]);
  useEffect(() => () => search.dispose(), [search]);
  useEffect(() => () => assistant.dispose(), [assistant]);

  const reset = useCallback(() => {
    void device.outbox.record({ kind: 'interaction', payload: { action: 'reset' } });
    window.speechSynthesis?.cancel();
    forgetViewedProducts(); // the next shopper's expert must not see this one's pages
    setSession((n) => n + 1);
  }, [device]);

  // The expert line is the session's: a call goes on from one product page to
  // another (or to search), and the reset (a new key) ends it.
  return (
    <ExpertLineProvider key={session} device={device}>
      <KioskSession
        device={device}
        search={search}
        assistant={assistant}
        config={config}
        storeContext={storeContext}
        settings={settings}
        scale={scale}
        onReset={reset}
      />
    </ExpertLineProvider>
  );
}
