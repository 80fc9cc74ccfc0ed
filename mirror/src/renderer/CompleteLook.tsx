import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { DeviceHandle, StoredProduct } from '@vitrine/shared/client';
import type { Promotion } from '@vitrine/shared/core';
import { ProductImage, productPriceText, useI18n } from '@vitrine/shared/ui';
import { suggestionsFor, type Suggestion } from './complete-look';
import { useMirrorText } from './mirror-text';

/** Pieces that complete the outfit and are in stock here; a tap opens one. */
export function CompleteLook(props: {
  device: DeviceHandle;
  product: StoredProduct;
  onOpenProduct: (productId: string) => void;
}) {
  const { t: m } = useMirrorText();
  const i18n = useI18n();
  const { lang } = i18n;
  const { device, product } = props;
  const [found, setFound] = useState<
    { suggestions: Suggestion[]; promotions: Promotion[] } | undefined
  >(undefined);
  useEffect(() => {
    // The promotions price each piece as its own page would (priceNow).
    const subscription = liveQuery(async () => ({
      suggestions: await suggestionsFor(device.db, product, device.storeId),
      promotions: await device.db.promotions.toArray(),
    })).subscribe({ next: setFound, error: () => setFound({ suggestions: [], promotions: [] }) });
    return () => subscription.unsubscribe();
  }, [device, product]);
  if (!found) return null;
  const { suggestions, promotions } = found;
  return (
    <section
      className="panel complete-look"
      aria-labelledby="look-title"
      data-testid="complete-look"
    >
      <h3 id="look-title">{m.completeTheLook}</h3>
      {suggestions.length === 0 && <p>{m.noLook}</p>}
      <ul className="tiles">
        {suggestions.map(({ product: other, units, look }) => (
          <li key={other.id}>
            <button
              type="button"
              className="tile"
              data-testid="look-suggestion"
              onClick={() => props.onOpenProduct(other.id)}
            >
              <ProductImage className="tile-image" src={other.images[0]} sizes="10rem" />
              <strong>{other.name[lang]}</strong>
              <span>{productPriceText(other, promotions, i18n)}</span>
              <span className="muted">{m.inStock(units)}</span>
              {look && <span className="muted">{m.lookName(look.name[lang])}</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
