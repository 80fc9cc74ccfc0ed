// One shopper's session: language, reach mode, scans, searches and the
// product being looked at. Remounted (so emptied) by the idle reset.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { DeviceHandle } from '@vitrine/shared/client';
import type { DeviceAssistant } from '@vitrine/shared/client/assistant';
import type { CatalogueSearch, SearchRequest } from '@vitrine/shared/client/search';
import { variantWithGtin, type NewDeviceEvent, type StoreSettings } from '@vitrine/shared/core';
import {
  AttractLoop,
  brandStyle,
  CameraPanel,
  CatalogueFilling,
  HelpButton,
  I18nProvider,
  loadScannedView,
  MediaBaseProvider,
  ScanNotice,
  StaffOverlay,
  SyncStatus,
  type Lang,
  type ProductView,
  type ScanProblem,
  type ScreenScale,
  type StoreContext,
  useCodeScanning,
  useStaffUnlock,
} from '@vitrine/shared/ui';
import { AssistantPanel, type AssistantConversation } from '@vitrine/shared/ui/assistant';
import { IdleGuard } from './IdleGuard';
import { KioskSearch } from './KioskSearch';
import { ProductScreen } from './ProductScreen';
import { TopBar } from './TopBar';
import type { KioskConfig } from './kiosk-config';
import { kioskDiagnostics } from './staff-diagnostics';

export type Screen =
  | { name: 'attract' }
  | { name: 'search' }
  | { name: 'product'; productId: string; view?: ProductView; variantId?: string }
  | { name: 'notice'; problem: ScanProblem }
  /** productId: the product the shopper was looking at, for "this one" questions. */
  | { name: 'assistant'; productId?: string };

export function KioskSession(props: {
  device: DeviceHandle;
  search: CatalogueSearch;
  assistant: DeviceAssistant;
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
  const [screen, setScreen] = useState<Screen>({ name: 'attract' });
  // The assistant's conversation is the session's: it survives a product opened from it.
  const conversation: AssistantConversation = useState<AssistantConversation[0]>([]);
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

  const openProduct = useCallback(
    (
      productId: string,
      action: 'scan' | 'view' = 'view',
      view?: ProductView,
      variantId?: string,
    ) => {
      setScreen({ name: 'product', productId, view, ...(variantId ? { variantId } : {}) });
      record({ kind: 'interaction', payload: { action, productId } });
    },
    [record],
  );

  const goNotice = useCallback(
    (problem: ScanProblem) => setScreen({ name: 'notice', problem }),
    [],
  );
  const scanning = useCodeScanning({
    device,
    config,
    intercept: tryBadge, // a staff badge opens the staff overlay
    // The page is read before the screen changes, so it paints in one render;
    // while the local copy fills, a code it lacks is asked of the store server.
    lookUp: (gtin) => loadScannedView(device, gtin, new Date(), storeContext),
    // A variant's own GTIN opens its product with that size and colour chosen.
    onFound: (view, gtin) =>
      openProduct(view.product.id, 'scan', view, variantWithGtin(view.product, gtin)?.id),
    onProblem: goNotice,
    onLoyaltyCard: () =>
      record({
        kind: 'request',
        payload: { type: 'help', place: place(config, device), note: 'loyalty card' },
      }),
    closeCameraOnReading: true, // the camera's job is done, and the answer needs the room
    noticeUnreadableScanner: true,
  });
  const { handleCode, cameraOpen: camera, toggleCamera } = scanning;

  // A keystroke in the search box or a product opening re-renders the session:
  // the bar and sync status are kept as they are unless their own inputs change.
  const goSearch = useCallback(() => setScreen({ name: 'search' }), []);
  const goHome = useCallback(() => setScreen({ name: 'attract' }), []);
  const goAssistant = useCallback(
    () =>
      setScreen((current) =>
        current.name === 'product'
          ? { name: 'assistant', productId: current.productId }
          : current.name === 'assistant'
            ? current
            : { name: 'assistant' },
      ),
    [],
  );
  const openViewed = useCallback((id: string) => openProduct(id), [openProduct]);
  const topBar = useMemo(
    () => (
      <TopBar
        lang={lang}
        reach={reach}
        onLang={() => setLang(lang === 'fr' ? 'en' : 'fr')}
        onReach={() => setReach(!reach)}
        onCode={(code) => void handleCode(code)}
        onCamera={toggleCamera}
        onSearch={goSearch}
        onHome={goHome}
        onAssistant={goAssistant}
        theme={theme}
        onStaff={staff.askPin}
      />
    ),
    [lang, reach, handleCode, toggleCamera, goSearch, goHome, goAssistant, theme, staff.askPin],
  );
  // Machine-readable only: staff read the sync state in the staff overlay.
  const syncStatus = useMemo(() => <SyncStatus device={device} machineOnly />, [device]);

  const touched = screen.name !== 'attract' || lang !== 'fr' || reach || camera;

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
            {camera && <CameraPanel decoder={config.decoder} {...scanning.cameraPanel} />}
            {screen.name === 'attract' && <AttractLoop db={device.db} onStart={goSearch} />}
            {screen.name === 'notice' && (
              <ScanNotice problem={screen.problem} onSearch={goSearch} />
            )}
            {screen.name === 'search' && <CatalogueFilling replicator={device.replicator} />}
            {screen.name === 'search' && (
              <KioskSearch
                search={props.search}
                initial={lastRequest.current}
                onRequest={rememberRequest}
                record={recordWhenIdle}
                onOpenProduct={openViewed}
                promotions={storeContext?.promotions}
              />
            )}
            {screen.name === 'assistant' && (
              <AssistantPanel
                assistant={props.assistant}
                device={device}
                productId={screen.productId}
                place={place(config, device)}
                record={record}
                promotions={storeContext?.promotions ?? []}
                conversation={conversation}
                onOpenProduct={(productId, variantId) =>
                  openProduct(productId, 'view', undefined, variantId)
                }
              />
            )}
            {screen.name === 'product' && (
              <ProductScreen
                device={device}
                productId={screen.productId}
                initial={screen.view}
                initialVariantId={screen.variantId}
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
