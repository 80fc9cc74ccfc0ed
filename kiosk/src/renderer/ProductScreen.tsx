// Loads a product's view from the local copy and shows it; a product that is
// gone or a local copy that cannot be read gets a message, not a crash.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { DeviceHandle } from '@vitrine/shared/client';
import type { NewDeviceEvent } from '@vitrine/shared/core';
import {
  ExpertCallButton,
  loadProductView,
  ProductPage,
  useI18n,
  type ProductView,
  type StoreContext,
} from '@vitrine/shared/ui';
import { ContinueOnPhone } from '@vitrine/shared/ui/assistant';

type Loaded = { id: string; view: ProductView | undefined; failed: boolean };

export function ProductScreen(props: {
  device: DeviceHandle;
  productId: string;
  /** Already read (a scan reads it before switching screens): painted at once. */
  initial?: ProductView;
  /** The variant whose GTIN was scanned: chosen when the page opens. */
  initialVariantId?: string | undefined;
  storeContext: StoreContext | undefined;
  record: (event: NewDeviceEvent) => void;
  onOpenProduct: (productId: string) => void;
  onSearch: () => void;
}) {
  const { t, lang } = useI18n();
  const { device, productId, storeContext } = props;
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  useEffect(() => {
    // Live: a stock or price change synced while the page is open shows at once.
    const subscription = liveQuery(() =>
      loadProductView(device.db, productId, new Date(), storeContext),
    ).subscribe({
      next: (view) => setLoaded({ id: productId, view, failed: false }),
      error: () => setLoaded({ id: productId, view: undefined, failed: true }),
    });
    return () => subscription.unsubscribe();
  }, [device, productId, storeContext]);

  const initial: Loaded | undefined =
    props.initial?.product.id === productId
      ? { id: productId, view: props.initial, failed: false }
      : undefined;
  // A scan answered by the store server (the copy still filling) stays shown
  // until the product is in the local copy; from then on the copy is read live.
  const shown: Loaded | undefined =
    loaded?.id === productId && (loaded.view || loaded.failed || !initial?.view?.fromServer)
      ? loaded
      : initial;
  if (!shown) return <p role="status" aria-busy="true" />;
  if (!shown.view) {
    return (
      <div role="alert" className="notice">
        <p>{shown.failed ? t.corrupted : t.productUnavailable}</p>
        <button type="button" onClick={props.onSearch}>
          {t.browse}
        </button>
      </div>
    );
  }
  return (
    <ProductPage
      view={shown.view}
      storeId={device.storeId}
      baseUrl={device.baseUrl}
      initialVariantId={props.initialVariantId}
      record={props.record}
      onOpenProduct={props.onOpenProduct}
      expertSlot={
        <>
          <ExpertCallButton
            device={device}
            product={shown.view.product}
            lang={lang}
            onOpenProduct={props.onOpenProduct}
          />
          <ContinueOnPhone device={device} productIds={[shown.view.product.id]} />
        </>
      }
    />
  );
}
