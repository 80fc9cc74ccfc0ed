import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { DeviceHandle, StoredProduct } from '@vitrine/shared/client';
import { useI18n } from '@vitrine/shared/ui';
import { suggestionsFor, type Suggestion } from './complete-look';
import { useMirrorText } from './mirror-text';

/** Pieces that complete the outfit and are in stock here; a tap opens one. */
export function CompleteLook(props: {
  device: DeviceHandle;
  product: StoredProduct;
  onOpenProduct: (productId: string) => void;
}) {
  const { t: m } = useMirrorText();
  const { lang, price } = useI18n();
  const { device, product } = props;
  const [suggestions, setSuggestions] = useState<Suggestion[] | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(() =>
      suggestionsFor(device.db, product, device.storeId),
    ).subscribe({ next: setSuggestions, error: () => setSuggestions([]) });
    return () => subscription.unsubscribe();
  }, [device, product]);
  if (!suggestions) return null;
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
              {other.images[0] && (
                <img src={new URL(other.images[0], device.baseUrl).href} alt="" />
              )}
              <strong>{other.name[lang]}</strong>
              <span>{price(other.priceCents)}</span>
              <span className="muted">{m.inStock(units)}</span>
              {look && <span className="muted">{m.lookName(look.name[lang])}</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
