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
} from '@vitrine/shared/ui';

type Loaded = { id: string; view: ProductView | undefined; failed: boolean };

export function ProductScreen(props: {
  device: DeviceHandle;
  productId: string;
  record: (event: NewDeviceEvent) => void;
  onOpenProduct: (productId: string) => void;
  onSearch: () => void;
}) {
  const { t, lang } = useI18n();
  const { device, productId } = props;
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  useEffect(() => {
    // Live: a stock or price change synced while the page is open shows at once.
    const subscription = liveQuery(() => loadProductView(device.db, productId)).subscribe({
      next: (view) => setLoaded({ id: productId, view, failed: false }),
      error: () => setLoaded({ id: productId, view: undefined, failed: true }),
    });
    return () => subscription.unsubscribe();
  }, [device, productId]);

  if (!loaded || loaded.id !== productId) return <p role="status" aria-busy="true" />;
  if (!loaded.view) {
    return (
      <div role="alert" className="notice">
        <p>{loaded.failed ? t.corrupted : t.productUnavailable}</p>
        <button type="button" onClick={props.onSearch}>
          {t.browse}
        </button>
      </div>
    );
  }
  return (
    <ProductPage
      view={loaded.view}
      storeId={device.storeId}
      baseUrl={device.baseUrl}
      record={props.record}
      onOpenProduct={props.onOpenProduct}
      expertSlot={<ExpertCallButton device={device} product={loaded.view.product} lang={lang} />}
    />
  );
}
