// The garments in the fitting room for this session, from the local copy.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { DeviceHandle, StoredProduct } from '@vitrine/shared/client';
import { useI18n } from '@vitrine/shared/ui';
import { useMirrorText } from './mirror-text';

export type Garment = { key: string; productId: string; variantGtin: string | undefined };

export function variantLabel(product: StoredProduct, gtin: string | undefined): string {
  const variant = product.variants.find((v) => v.gtin === gtin);
  return variant ? [variant.size, variant.colour].filter(Boolean).join(' · ') : '';
}

export function GarmentList(props: {
  device: DeviceHandle;
  garments: Garment[];
  selected: string | undefined;
  onSelect: (productId: string) => void;
  onRemove: (key: string) => void;
}) {
  const m = useMirrorText();
  const { lang } = useI18n();
  const [products, setProducts] = useState<Map<string, StoredProduct>>(new Map());
  const ids = props.garments.map((g) => g.productId).join(',');
  useEffect(() => {
    const wanted = ids ? ids.split(',') : [];
    const subscription = liveQuery(() => props.device.db.products.bulkGet(wanted)).subscribe({
      next: (found) =>
        setProducts(new Map(found.filter((p): p is StoredProduct => !!p).map((p) => [p.id, p]))),
      error: () => setProducts(new Map()),
    });
    return () => subscription.unsubscribe();
  }, [props.device, ids]);

  return (
    <aside className="garments" aria-labelledby="room-title">
      <h2 id="room-title">{m.inTheRoom}</h2>
      {props.garments.length === 0 && <p className="muted">{m.emptyRoom}</p>}
      <ul>
        {props.garments.map((garment) => {
          const product = products.get(garment.productId);
          return (
            <li key={garment.key} data-testid="garment" data-product-id={garment.productId}>
              <button
                type="button"
                className="garment"
                aria-pressed={props.selected === garment.productId}
                onClick={() => props.onSelect(garment.productId)}
              >
                <strong>{product?.name[lang] ?? garment.productId}</strong>
                {product && <span>{variantLabel(product, garment.variantGtin)}</span>}
              </button>
              <button type="button" className="remove" onClick={() => props.onRemove(garment.key)}>
                {m.remove}
              </button>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
