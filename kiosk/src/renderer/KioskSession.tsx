// One shopper's session: language, reach mode, scans, searches and the
// product being looked at. Remounted (so emptied) by the idle reset.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { DeviceHandle } from '@vitrine/shared/client';
import type { CatalogueSearch, SearchRequest } from '@vitrine/shared/client/search';
import type { NewDeviceEvent, StoreSettings } from '@vitrine/shared/core';
import { cameraScanText, readScan, type BarcodeFormat } from '@vitrine/shared/scan';
import {
  AttractLoop,
  brandStyle,
  CameraPanel,
  HelpButton,
  I18nProvider,
  loadProductViewByGtin,
  MediaBaseProvider,
  ScanNotice,
  StaffOverlay,
  SyncStatus,
  type Lang,
  type ProductView,
  type ScanProblem,
  type ScreenScale,
  type StoreContext,
  useStaffUnlock,
  useWedgeScans,
} from '@vitrine/shared/ui';
import { IdleGuard } from './IdleGuard';
import { KioskSearch } from './KioskSearch';
import { ProductScreen } from './ProductScreen';
import { TopBar } from './TopBar';
import type { KioskConfig } from './kiosk-config';
import { kioskDiagnostics } from './staff-diagnostics';

export type Screen =
  | { name: 'attract' }
  | { name: 'search' }
  | { name: 'product'; productId: string; view?: ProductView }
  | { name: 'notice'; problem: ScanProblem };

export function KioskSession(props: {
  device: DeviceHandle;
  search: CatalogueSearch;
  config: KioskConfig;
  storeContext: StoreContext | undefined;
  settings: StoreSettings | undefined;
  scale: ScreenScale;
  onReset: () => void;
}) {
  const { device, config, storeContext, scale } = props;
  const theme = props.settings?.theme;
  const staff = useStaffUnlock(props.settings?.staffAccess);
  const { tryBadge } = staff;
  const diagnostics = useMemo(() => kioskDiagnostics(config, scale), [config, scale]);
  const [lang, setLang] = useState<Lang>('fr');
  const [reach, setReach] = useState(false);
  const [camera, setCamera] = useState(false);
  const [screen, setScreen] = useState<Screen>({ name: 'attract' });
  // Read when the search screen opens; each keystroke updates it without a render here.
  const lastRequest = useRef<SearchRequest>({ query: '' });
  const rememberRequest = useCallback((request: SearchRequest) => {
    lastRequest.current = request;
  }, []);
  const record = useCallback(
    (event: NewDeviceEvent) => void device.outbox.record(event).catch(() => undefined),
    [device],
  );
  // Written after the results are painted: an IndexedDB write is not urgent.
  const recordWhenIdle = useCallback(
    (event: NewDeviceEvent) => {
      if (typeof requestIdleCallback === 'function')
        requestIdleCallback(() => record(event), { timeout: 2_000 });
      else setTimeout(() => record(event), 100);
    },
    [record],
  );
  const touched = screen.name !== 'attract' || lang !== 'fr' || reach || camera;

  const openProduct = useCallback(
    (productId: string, action: 'scan' | 'view' = 'view', view?: ProductView) => {
      setScreen({ name: 'product', productId, view });
      record({ kind: 'interaction', payload: { action, productId } });
    },
    [record],
  );

  const handleCode = useCallback(
    async (raw: string, format: BarcodeFormat = 'keyboard') => {
      if (await tryBadge(raw)) return; // a staff badge opens the staff overlay
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
      // The page is read before the screen changes, so it paints in one render.
      const view = await loadProductViewByGtin(
        device.db,
        reading.gtin,
        new Date(),
        storeContext,
      ).catch(() => undefined);
      if (view) openProduct(view.product.id, 'scan', view);
      else setScreen({ name: 'notice', problem: 'unknown-product' });
    },
    [device, config, storeContext, openProduct, record, tryBadge],
  );

  const isKnownGtin = useCallback(
    (gtin14: string) => device.db.productByGtin(gtin14).then((product) => !!product),
    [device],
  );

  // A keystroke in the search box or a product opening re-renders the session:
  // the bar and sync status are kept as they are unless their own inputs change.
  const goSearch = useCallback(() => setScreen({ name: 'search' }), []);
  const goHome = useCallback(() => setScreen({ name: 'attract' }), []);
  const openViewed = useCallback((id: string) => openProduct(id), [openProduct]);
  const topBar = useMemo(
    () => (
      <TopBar
        lang={lang}
        reach={reach}
        onLang={() => setLang(lang === 'fr' ? 'en' : 'fr')}
        onReach={() => setReach(!reach)}
        onCode={(code) => void handleCode(code)}
        onCamera={() => setCamera(!camera)}
        onSearch={goSearch}
        onHome={goHome}
        theme={theme}
        onStaff={staff.askPin}
      />
    ),
    [lang, reach, camera, handleCode, goSearch, goHome, theme, staff.askPin],
  );
  // Machine-readable only: staff read the sync state in the staff overlay.
  const syncStatus = useMemo(() => <SyncStatus device={device} machineOnly />, [device]);

  const scannerUnreadable = useCallback(
    () => setScreen({ name: 'notice', problem: 'scanner-unreadable' }),
    [],
  );
  useWedgeScans(handleCode, config, scannerUnreadable);

  return (
    <I18nProvider lang={lang} currency={props.settings?.currency}>
      <MediaBaseProvider baseUrl={device.baseUrl}>
        <div
          className={reach ? 'kiosk kiosk--reach' : 'kiosk'}
          lang={lang}
          style={brandStyle(theme)}
          data-testid="kiosk"
          data-ready="true"
          data-theme={theme?.name}
        >
          {topBar}
          <main className="kiosk-main" id="main">
            {camera && (
              <CameraPanel
                decoder={config.decoder}
                isKnownGtin={isKnownGtin}
                onClose={() => setCamera(false)}
                onReading={(reading) => {
                  // Read: the camera's job is done, and the answer needs the room.
                  setCamera(false);
                  void handleCode(cameraScanText(reading));
                }}
              />
            )}
            {screen.name === 'attract' && <AttractLoop db={device.db} onStart={goSearch} />}
            {screen.name === 'notice' && (
              <ScanNotice problem={screen.problem} onSearch={goSearch} />
            )}
            {screen.name === 'search' && (
              <KioskSearch
                search={props.search}
                initial={lastRequest.current}
                onRequest={rememberRequest}
                record={recordWhenIdle}
                onOpenProduct={openViewed}
              />
            )}
            {screen.name === 'product' && (
              <ProductScreen
                device={device}
                productId={screen.productId}
                initial={screen.view}
                storeContext={storeContext}
                record={record}
                onOpenProduct={openViewed}
                onSearch={goSearch}
              />
            )}
          </main>
          <footer className="kiosk-footer">
            <HelpButton
              place={place(config, device)}
              productId={screen.name === 'product' ? screen.productId : undefined}
              record={record}
            />
            {syncStatus}
          </footer>
          <IdleGuard
            idleMs={config.idleMs}
            countdownMs={config.countdownMs}
            enabled={touched}
            onExpire={props.onReset}
          />
          <StaffOverlay
            phase={staff.phase}
            device={device}
            sections={diagnostics}
            tryPin={staff.tryPin}
            onClose={staff.close}
          />
        </div>
      </MediaBaseProvider>
    </I18nProvider>
  );
}

function place(config: KioskConfig, device: DeviceHandle): string {
  return config.place ?? `kiosk ${device.deviceId.slice(0, 12)}`;
}
