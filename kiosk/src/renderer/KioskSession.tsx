// One shopper's session: language, reach mode, scans, searches and the
// product being looked at. Remounted (so emptied) by the idle reset.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeviceHandle } from '@vitrine/shared/client';
import type { CatalogueSearch, SearchRequest } from '@vitrine/shared/client/search';
import type { NewDeviceEvent } from '@vitrine/shared/core';
import { listenForWedgeScans, readScan, type BarcodeFormat } from '@vitrine/shared/scan';
import {
  AttractLoop,
  CameraPanel,
  HelpButton,
  I18nProvider,
  IdleCountdown,
  ScanNotice,
  SearchPanel,
  SyncStatus,
  useIdle,
  type Lang,
  type ScanProblem,
} from '@vitrine/shared/ui';
import { ProductScreen } from './ProductScreen';
import { TopBar } from './TopBar';
import type { KioskConfig } from './kiosk-config';

export type Screen =
  | { name: 'attract' }
  | { name: 'search' }
  | { name: 'product'; productId: string }
  | { name: 'notice'; problem: ScanProblem };

export function KioskSession(props: {
  device: DeviceHandle;
  search: CatalogueSearch;
  config: KioskConfig;
  onReset: () => void;
}) {
  const { device, config } = props;
  const [lang, setLang] = useState<Lang>('fr');
  const [reach, setReach] = useState(false);
  const [camera, setCamera] = useState(false);
  const [screen, setScreen] = useState<Screen>({ name: 'attract' });
  const [request, setRequest] = useState<SearchRequest>({ query: '' });
  const record = useCallback(
    (event: NewDeviceEvent) => void device.outbox.record(event).catch(() => undefined),
    [device],
  );
  const touched = screen.name !== 'attract' || lang !== 'fr' || reach || camera;
  const idle = useIdle({
    idleMs: config.idleMs,
    countdownMs: config.countdownMs,
    enabled: touched,
    onExpire: props.onReset,
  });

  const openProduct = useCallback(
    (productId: string, action: 'scan' | 'view' = 'view') => {
      setScreen({ name: 'product', productId });
      record({ kind: 'interaction', payload: { action, productId } });
    },
    [record],
  );

  const handleCode = useCallback(
    async (raw: string, format: BarcodeFormat = 'keyboard') => {
      const reading = readScan(raw, format);
      if (reading.kind === 'loyalty-card') {
        setScreen({ name: 'notice', problem: 'loyalty-card' });
        record({
          kind: 'request',
          payload: { type: 'help', place: place(config, device), note: 'loyalty card' },
        });
        return;
      }
      if (reading.kind === 'rejected') {
        setScreen({ name: 'notice', problem: reading.reason });
        return;
      }
      const product = await device.db.productByGtin(reading.gtin).catch(() => undefined);
      if (product) openProduct(product.id, 'scan');
      else setScreen({ name: 'notice', problem: 'unknown-product' });
    },
    [device, config, openProduct, record],
  );

  const latestHandler = useRef(handleCode);
  latestHandler.current = handleCode;
  useEffect(
    () =>
      listenForWedgeScans(window, (code) => void latestHandler.current(code), {
        prefix: config.wedgePrefix,
        suffixCode: config.wedgeSuffix,
      }),
    [config],
  );

  return (
    <I18nProvider lang={lang}>
      <div
        className={reach ? 'kiosk kiosk--reach' : 'kiosk'}
        lang={lang}
        data-testid="kiosk"
        data-ready="true"
      >
        <TopBar
          lang={lang}
          reach={reach}
          onLang={() => setLang(lang === 'fr' ? 'en' : 'fr')}
          onReach={() => setReach(!reach)}
          onCode={(code) => void handleCode(code)}
          onCamera={() => setCamera(!camera)}
          onSearch={() => setScreen({ name: 'search' })}
          onHome={() => setScreen({ name: 'attract' })}
        />
        <main className="kiosk-main" id="main">
          {camera && (
            <CameraPanel
              onClose={() => setCamera(false)}
              onReading={(reading) => {
                if (reading.kind === 'product') void handleCode(reading.gtin);
                else if (reading.kind === 'loyalty-card') void handleCode(reading.code);
              }}
            />
          )}
          {screen.name === 'attract' && (
            <AttractLoop db={device.db} onStart={() => setScreen({ name: 'search' })} />
          )}
          {screen.name === 'notice' && (
            <ScanNotice problem={screen.problem} onSearch={() => setScreen({ name: 'search' })} />
          )}
          {screen.name === 'search' && (
            <SearchPanel
              search={props.search}
              db={device.db}
              request={request}
              onChange={(next) => {
                setRequest(next);
                if (next.query && next.query !== request.query && next.query.length % 3 === 0)
                  record({
                    kind: 'interaction',
                    payload: { action: 'search', query: next.query.slice(0, 500) },
                  });
              }}
              onOpenProduct={(id) => openProduct(id)}
            />
          )}
          {screen.name === 'product' && (
            <ProductScreen
              device={device}
              productId={screen.productId}
              record={record}
              onOpenProduct={(id) => openProduct(id)}
              onSearch={() => setScreen({ name: 'search' })}
            />
          )}
        </main>
        <footer className="kiosk-footer">
          <HelpButton
            place={place(config, device)}
            productId={screen.name === 'product' ? screen.productId : undefined}
            record={record}
          />
          <SyncStatus device={device} />
        </footer>
        {idle.secondsLeft !== undefined && (
          <IdleCountdown secondsLeft={idle.secondsLeft} onStay={idle.stay} />
        )}
      </div>
    </I18nProvider>
  );
}

function place(config: KioskConfig, device: DeviceHandle): string {
  return config.place ?? `kiosk ${device.deviceId.slice(0, 12)}`;
}
