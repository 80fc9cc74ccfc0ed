// Stock here (with the aisle), per variant, in the chain's other stores and
// online, with reserve / order requests for staff.
import { useState } from 'react';
import type { Location, Product, ProductStock } from '../../core';
import { useI18n } from '../i18n/i18n';
import { unitsAt } from './product-view';
import { VariantPicker } from './VariantPicker';

export type StockRequest = { type: 'reservation' | 'delivery'; variantGtin?: string };

export function StockPanel(props: {
  product: Product;
  stock: ProductStock | undefined;
  locations: Location[];
  storeId: string;
  onRequest?: (request: StockRequest) => void;
  /** Told when the shopper picks (or unpicks) a variant, e.g. to ask for that size. */
  onVariant?: (variantGtin: string | undefined) => void;
}) {
  const { t } = useI18n();
  const { product, stock, storeId } = props;
  const [variant, setVariant] = useState<string | undefined>(undefined);
  const [sent, setSent] = useState(false);
  const here = unitsAt(stock, storeId);
  const online = props.locations.find((l) => l.kind === 'online');
  const onlineUnits = online ? unitsAt(stock, online.id) : undefined;
  const others = props.locations
    .filter((l) => l.kind === 'store' && l.id !== storeId)
    .map((location) => ({ location, units: unitsAt(stock, location.id)?.total ?? 0 }));
  const request = (type: StockRequest['type']) => {
    props.onRequest?.({ type, ...(variant ? { variantGtin: variant } : {}) });
    setSent(true);
  };

  return (
    <section className="panel stock" aria-labelledby="stock-title">
      <h3 id="stock-title">{t.inStockHere}</h3>
      {!stock ? (
        <p data-testid="stock-here">{t.noStockInfo}</p>
      ) : (
        <p data-testid="stock-here" className={here?.total ? 'ok' : 'none'}>
          {t.labelled(here?.total ? t.inStockHere : t.notInStockHere, here?.total ?? 0)}
          {here?.aisle ? ` · ${t.aisle} ${here.aisle}` : ''}
        </p>
      )}
      {product.variants.length > 0 && (
        <VariantPicker
          key={product.id}
          product={product}
          quantities={stock ? (here?.quantities ?? {}) : undefined}
          onChange={(next) => {
            setVariant(next);
            props.onVariant?.(next);
          }}
        />
      )}
      {stock && (
        <details>
          <summary>{t.otherStores}</summary>
          <ul>
            {others.map(({ location, units }) => (
              <li key={location.id}>{t.labelled(`${location.name} (${location.city})`, units)}</li>
            ))}
          </ul>
        </details>
      )}
      {online && <p>{t.labelled(t.online, onlineUnits?.total ?? 0)}</p>}
      {props.onRequest && (
        <div className="actions">
          <button type="button" onClick={() => request('reservation')}>
            {t.reserve}
          </button>
          <button type="button" onClick={() => request('delivery')}>
            {t.orderDelivery}
          </button>
        </div>
      )}
      {sent && <p role="status">{t.requestSent}</p>}
    </section>
  );
}
