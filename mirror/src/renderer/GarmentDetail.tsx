// One garment: photos, price and promotion, sizes and colours with stock here,
// elsewhere and online (the shared StockPanel, whose reserve/order buttons are
// the endless aisle), "bring it to my fitting room" with its live status,
// size advice and "complete the look".
import { liveQuery } from 'dexie';
import { Shirt } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { DeviceHandle } from '@vitrine/shared/client';
import {
  hasVariantChoice,
  variantAxes,
  type NewDeviceEvent,
  type SizeChart,
} from '@vitrine/shared/core';
import {
  ExpertCallButton,
  loadProductView,
  PriceBlock,
  ProductGallery,
  StockPanel,
  unitsElsewhere,
  useI18n,
  useSessionExpertLine,
  useSyncView,
  type ProductView,
} from '@vitrine/shared/ui';
import { CompleteLook } from './CompleteLook';
import { variantLabel } from './GarmentList';
import type { Measured } from './MirrorSession';
import { RequestStatusLine } from './RequestStatusLine';
import { SizeAdvicePanel } from './SizeAdvicePanel';
import { useMirrorText } from './mirror-text';
import type { SessionRequests } from './use-session-requests';

function storeHolding(view: ProductView, here: string, variantId: string | undefined) {
  return view.locations.find(
    (location) =>
      location.kind === 'store' &&
      location.id !== here &&
      // Only a figure that store confirmed lately (chain) sends the shopper there.
      (() => {
        const figure = unitsElsewhere(
          view.stock,
          view.neighbours,
          location.id,
          variantId,
          Date.now(),
        );
        return figure.kind !== 'unavailable' && figure.units > 0;
      })(),
  )?.id;
}

export function GarmentDetail(props: {
  device: DeviceHandle;
  productId: string;
  inRoomVariant: string | undefined;
  charts: SizeChart[] | undefined;
  measured: Measured;
  onMeasured: (measured: Measured) => void;
  room: string;
  record: (event: NewDeviceEvent) => void;
  requests: SessionRequests;
  onOpenProduct: (productId: string) => void;
  /** The store server's answer to the scan, shown until the copy has the product. */
  served?: ProductView | undefined;
}) {
  const { device, productId, room, served } = props;
  const { t, lang } = useI18n();
  const { t: m } = useMirrorText();
  const [view, setView] = useState<ProductView | null | undefined>(undefined);
  const [variant, setVariant] = useState<string | undefined>(undefined);
  const sync = useSyncView(device);
  const phase = useSessionExpertLine()?.call.phase ?? 'idle';
  const inCall = phase !== 'idle' && phase !== 'refused';
  useEffect(() => {
    const subscription = liveQuery(() => loadProductView(device.db, productId)).subscribe({
      next: (loaded) => setView(loaded ?? served ?? null),
      error: () => setView(served ?? null),
    });
    return () => subscription.unsubscribe();
  }, [device, productId, served]);

  if (view === undefined) return <p role="status" aria-busy="true" />;
  if (view === null) return <p role="alert">{t.productUnavailable}</p>;
  const { product } = view;
  const mine = props.requests.list.filter((r) => r.productId === product.id);
  // The size and colour brought in; an item sold in one size and colour names none.
  const inRoomLabel = props.inRoomVariant && variantLabel(product, props.inRoomVariant, lang);
  // During a call (waiting, talking, rating) the expert panel comes first, under
  // the garment, rather than at the foot of the page.
  const expertSlot = (
    <section className="panel" aria-label="Expert" data-testid="expert-slot">
      <ExpertCallButton
        device={device}
        product={product}
        lang={lang}
        onOpenProduct={props.onOpenProduct}
      />
    </section>
  );
  return (
    <article className="garment-detail" data-testid="garment-detail" aria-labelledby="garment-name">
      <div className="garment-head">
        <ProductGallery product={product} baseUrl={device.baseUrl} />
        <div className="garment-info">
          <h2 id="garment-name">{product.name[lang]}</h2>
          {product.brand && <p className="garment-brand muted">{product.brand}</p>}
          <PriceBlock product={product} promotion={view.promotion} variantId={variant} />
          {inRoomLabel && (
            <p className="in-room-variant" data-testid="in-room-variant">
              {m.yourVariant(inRoomLabel)}
            </p>
          )}
        </div>
      </div>
      {inCall && expertSlot}
      <div className="garment-stock">
        <StockPanel
          product={product}
          stock={view.stock}
          locations={view.locations}
          neighbours={view.neighbours}
          storeId={device.storeId}
          onVariant={setVariant}
          onRequest={(request) => {
            // Reserve where it is: the first other store holding the item.
            const where =
              request.type === 'reservation'
                ? storeHolding(view, device.storeId, request.variantId)
                : undefined;
            void props.requests.send({
              kind: 'request',
              payload: {
                ...request,
                productId: product.id,
                place: room,
                ...(where ? { locationId: where } : {}),
              },
            });
          }}
        />
        {hasVariantChoice(product) && (
          <section className="panel ask-size" aria-label={m.askThisSize}>
            <button
              type="button"
              className="primary"
              data-testid="ask-size"
              disabled={!variant}
              onClick={() =>
                void props.requests.send({
                  kind: 'request',
                  payload: {
                    type: 'size',
                    productId: product.id,
                    variantId: variant,
                    place: room,
                  },
                })
              }
            >
              <Shirt className="icon" aria-hidden="true" /> {m.askThisSize}
              {variant ? ` · ${variantLabel(product, variant, lang)}` : ''}
            </button>
            <ul aria-live="polite">
              {mine.map((request) => (
                <RequestStatusLine
                  key={request.id}
                  request={request}
                  product={product}
                  offline={sync.link !== 'online'}
                />
              ))}
            </ul>
          </section>
        )}
      </div>
      {/* Size advice needs a sizing system to find the brand's chart and sizes to choose from. */}
      {product.sizeSystem !== undefined && variantAxes(product).sizes.length > 0 && (
        <SizeAdvicePanel
          key={props.measured.at ?? 'typed'}
          product={product}
          charts={props.charts}
          measured={props.measured}
          onMeasured={props.onMeasured}
        />
      )}
      <CompleteLook device={device} product={product} onOpenProduct={props.onOpenProduct} />
      {!inCall && expertSlot}
    </article>
  );
}
