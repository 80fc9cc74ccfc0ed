// Stock here (with the aisle), per variant, in the chain's other stores and
// online, with reserve / order requests for staff.
import { useState } from 'react';
import {
  hasVariantChoice,
  type Location,
  type NeighbourStatus,
  type Product,
  type ProductStock,
  type ShopperContact,
} from '../../core';
import { useI18n } from '../i18n/i18n';
import { ContactForm } from './ContactForm';
import { unitsAt, unitsElsewhere, unitsOfChoice } from './product-view';
import { variantName } from './variant-options';
import { VariantPicker } from './VariantPicker';

export type StockRequest = {
  type: 'reservation' | 'delivery';
  variantId?: string;
  contact: ShopperContact;
};

export function StockPanel(props: {
  product: Product;
  stock: ProductStock | undefined;
  locations: Location[];
  /** The neighbours' last stock confirmations (chain stores): their figures show only while fresh. */
  neighbours?: NeighbourStatus[];
  storeId: string;
  onRequest?: (request: StockRequest) => void;
  /** Told when the shopper picks (or unpicks) a variant, e.g. to ask for that size. */
  onVariant?: (variantId: string | undefined) => void;
  /** The variant to start with: the one whose GTIN was scanned. */
  initialVariantId?: string;
  /** The clock the neighbours' figures are aged with (tests); default now. */
  nowMs?: number;
}) {
  const { t, lang } = useI18n();
  const { product, stock, storeId } = props;
  const [variant, setVariant] = useState<string | undefined>(undefined);
  const [sent, setSent] = useState(false);
  const [asking, setAsking] = useState<StockRequest['type'] | undefined>(undefined);
  const here = unitsAt(stock, storeId);
  const online = props.locations.find((l) => l.kind === 'online');
  // Elsewhere, only the size or colour the shopper chose counts.
  const onlineUnits = online ? unitsOfChoice(stock, online.id, variant) : 0;
  const others = props.locations
    .filter((l) => l.kind === 'store' && l.id !== storeId)
    .map((location) => ({
      location,
      figure: unitsElsewhere(
        stock,
        props.neighbours ?? [],
        location.id,
        variant,
        props.nowMs ?? Date.now(),
      ),
    }));
  const chosen = product.variants.find((v) => v.id === variant);
  // The chosen colour in the session's language, like the chips above it.
  const chosenLabel = chosen && (variantName(chosen, lang) || chosen.id);
  const send = (type: StockRequest['type'], contact: ShopperContact) => {
    props.onRequest?.({ type, ...(variant ? { variantId: variant } : {}), contact });
    setAsking(undefined);
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
      {hasVariantChoice(product) && (
        <VariantPicker
          key={product.id}
          product={product}
          {...(props.initialVariantId ? { initialVariantId: props.initialVariantId } : {})}
          quantities={stock ? (here?.quantities ?? {}) : undefined}
          onChange={(next) => {
            setVariant(next);
            props.onVariant?.(next);
          }}
        />
      )}
      {stock && (
        <details>
          {/* Says which size the numbers below are for. */}
          <summary>{chosenLabel ? `${t.otherStores} · ${chosenLabel}` : t.otherStores}</summary>
          <ul>
            {others.map(({ location, figure }) => (
              <li
                key={location.id}
                data-testid="other-store"
                data-location={location.id}
                data-figure={figure.kind}
                {...(figure.kind === 'unavailable' ? {} : { 'data-units': figure.units })}
              >
                {figure.kind === 'unavailable'
                  ? t.labelled(locationName(location), t.stockUnavailable)
                  : t.labelled(locationName(location), figure.units)}
                {figure.kind === 'confirmed' && (
                  <span className="confirmed">
                    {' · '}
                    {t.confirmedAgo(Math.floor(figure.ageMs / 60_000))}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      {online && <p data-testid="stock-online">{t.labelled(t.online, onlineUnits)}</p>}
      {props.onRequest && online && onlineUnits === 0 && (
        <p data-testid="no-online-stock">{t.noOnlineStock}</p>
      )}
      {props.onRequest && onlineUnits > 0 && (
        <div className="actions">
          <button type="button" onClick={() => setAsking('reservation')}>
            {t.reserve}
          </button>
          <button type="button" onClick={() => setAsking('delivery')}>
            {t.orderDelivery}
          </button>
        </div>
      )}
      {asking && (
        <ContactForm
          title={asking === 'reservation' ? t.reserve : t.orderDelivery}
          onSend={(contact) => send(asking, contact)}
          onCancel={() => setAsking(undefined)}
        />
      )}
      {sent && <p role="status">{t.requestSent}</p>}
    </section>
  );
}

/** "Genève Praille (Genève)"; a store a feed named only by its code has no city to add. */
function locationName(location: Location): string {
  const city = location.city.trim();
  return city && city !== location.name ? `${location.name} (${city})` : location.name;
}
