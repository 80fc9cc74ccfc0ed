// One shopper's session in the fitting room: language, lighting, the garments
// scanned in, the one looked at, measurements, staff requests and sharing.
// Remounted (so emptied) by the idle reset or "finish".
import { useCallback, useState } from 'react';
import type { DeviceHandle } from '@vitrine/shared/client';
import type { DeviceAssistant } from '@vitrine/shared/client/assistant';
import {
  variantWithGtin,
  type BrandTheme,
  type NewDeviceEvent,
  type SizeChart,
} from '@vitrine/shared/core';
import {
  brandStyle,
  CameraPanel,
  IdleCountdown,
  MediaBaseProvider,
  ScanNotice,
  SyncStatus,
  useIdle,
  type Lang,
  type ScanProblem,
  useCodeScanning,
  loadScannedView,
} from '@vitrine/shared/ui';
import { AssistantPanel, type AssistantConversation } from '@vitrine/shared/ui/assistant';
import { GarmentDetail } from './GarmentDetail';
import { GarmentList, type Garment } from './GarmentList';
import { MirrorBar } from './MirrorBar';
import { MirrorControls, type Theme } from './MirrorControls';
import type { MirrorConfig } from './mirror-config';
import { MirrorTextProvider } from './mirror-text';
import { ShareLook } from './share/ShareLook';
import { useMeasurementFeed, type Measured } from './use-measurement-feed';
import { useSessionRequests } from './use-session-requests';

export type { Measured } from './use-measurement-feed';

export function MirrorSession(props: {
  device: DeviceHandle;
  assistant: DeviceAssistant;
  config: MirrorConfig;
  charts: SizeChart[] | undefined;
  /** The store's brand (logo, colours, font), from its settings. */
  brand: BrandTheme | undefined;
  /** The store's currency (ISO 4217), from its settings; EUR when they name none. */
  currency: string | undefined;
  onReset: () => void;
}) {
  const { device, config } = props;
  const [lang, setLang] = useState<Lang>('fr');
  const [theme, setTheme] = useState<Theme>('day');
  const [garments, setGarments] = useState<Garment[]>([]);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<ScanProblem | undefined>(undefined);
  // The assistant replaces the garment's page while open; its conversation is the session's.
  const [asking, setAsking] = useState(false);
  const conversation: AssistantConversation = useState<AssistantConversation[0]>([]);
  const [sharing, setSharing] = useState(false);
  const [measured, setMeasured] = useState<Measured>({ values: {} });
  const requests = useSessionRequests(device);
  useMeasurementFeed(device, setMeasured);
  const record = useCallback(
    (event: NewDeviceEvent) => void device.outbox.record(event).catch(() => undefined),
    [device],
  );
  const scanning = useCodeScanning({
    device,
    config,
    // While a first copy fills, the store server answers too (loadScannedView).
    lookUp: (gtin) => loadScannedView(device, gtin),
    onFound: (view, gtin) => {
      const { product } = view;
      setNotice(undefined);
      // The GTIN scanned names the size and colour brought in (a product's own GTIN names none).
      const variant = variantWithGtin(product, gtin)?.id;
      setGarments((current) =>
        current.some((g) => g.productId === product.id && g.variantId === variant)
          ? current
          : [
              ...current,
              {
                key: gtin,
                productId: product.id,
                variantId: variant,
                ...(view.fromServer && { served: view }),
              },
            ],
      );
      setSelected(product.id);
      record({
        kind: 'interaction',
        payload: { action: 'scan', productId: product.id, screen: 'mirror' },
      });
    },
    onProblem: setNotice,
  });
  const { handleCode, cameraOpen: camera } = scanning;
  // Anything a shopper left (even only measurements) arms the idle reset.
  const touched =
    garments.length > 0 ||
    Object.keys(measured.values).length > 0 ||
    selected !== undefined ||
    notice !== undefined ||
    asking ||
    lang !== 'fr' ||
    theme !== 'day' ||
    camera ||
    sharing;
  const idle = useIdle({
    idleMs: config.idleMs,
    countdownMs: config.countdownMs,
    enabled: touched,
    onExpire: props.onReset,
  });
  const room = config.room ?? `mirror ${device.deviceId.slice(0, 14)}`;

  // The brand's colours sit on an outer box so that a lighting (evening, warm)
  // can set the page's own colours on the inner one.
  return (
    <MirrorTextProvider lang={lang} currency={props.currency}>
      <MediaBaseProvider baseUrl={device.baseUrl}>
        <div className="mirror-brand" style={brandStyle(props.brand)}>
          <div
            className="mirror"
            data-theme={theme}
            data-brand={props.brand?.name}
            lang={lang}
            data-testid="mirror"
          >
            <MirrorBar
              lang={lang}
              brand={props.brand}
              camera={camera}
              onLang={() => setLang(lang === 'fr' ? 'en' : 'fr')}
              onCode={(code) => void handleCode(code)}
              onCamera={scanning.toggleCamera}
              asking={asking}
              onAssistant={() => setAsking(!asking)}
            />
            <GarmentList
              device={device}
              garments={garments}
              selected={selected}
              onSelect={setSelected}
              onRemove={(key) => setGarments((current) => current.filter((g) => g.key !== key))}
            />
            <main className="mirror-main" id="main">
              {camera && <CameraPanel decoder={config.decoder} {...scanning.cameraPanel} />}
              {notice && <ScanNotice problem={notice} onSearch={() => setNotice(undefined)} />}
              {asking && (
                <AssistantPanel
                  assistant={props.assistant}
                  device={device}
                  productId={selected}
                  place={room}
                  record={record}
                  promotions={[]}
                  conversation={conversation}
                  onOpenProduct={(productId) => {
                    setSelected(productId);
                    setAsking(false);
                  }}
                />
              )}
              {!asking && selected && (
                <GarmentDetail
                  key={selected}
                  device={device}
                  productId={selected}
                  inRoomVariant={garments.find((g) => g.productId === selected)?.variantId}
                  served={garments.find((g) => g.productId === selected)?.served}
                  charts={props.charts}
                  measured={measured}
                  onMeasured={setMeasured}
                  room={room}
                  record={record}
                  requests={requests}
                  onOpenProduct={setSelected}
                />
              )}
            </main>
            <MirrorControls
              theme={theme}
              onTheme={setTheme}
              onShare={() => setSharing(true)}
              canShare={garments.length > 0}
              onFinish={props.onReset}
            />
            {/* Machine-readable only: the link and revisions are no shopper's business. */}
            <SyncStatus device={device} machineOnly />
            {sharing && (
              <ShareLook
                device={device}
                garments={garments}
                lang={lang}
                countdownSeconds={config.photoCountdown}
                onClose={() => setSharing(false)}
              />
            )}
            {idle.secondsLeft !== undefined && (
              <IdleCountdown secondsLeft={idle.secondsLeft} onStay={idle.stay} />
            )}
          </div>
        </div>
      </MediaBaseProvider>
    </MirrorTextProvider>
  );
}
