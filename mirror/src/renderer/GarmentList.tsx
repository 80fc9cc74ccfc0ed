// The garments in the fitting room for this session, from the local copy (or,
// while a first copy fills, as the store server answered the scan): a compact
// row of cards (picture, name, the size and colour brought in), so the
// garment being looked at keeps the screen.
import { liveQuery } from 'dexie';
import { X } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { DeviceHandle } from '@vitrine/shared/client';
import type { Product } from '@vitrine/shared/core';
import {
  ProductImage,
  useI18n,
  variantName,
  type Lang,
  type ProductView,
} from '@vitrine/shared/ui';
import { useMirrorText } from './mirror-text';

export type Garment = {
  key: string;
  productId: string;
  variantId: string | undefined;
  /** The store server's answer to the scan, while the copy does not have the product yet. */
  served?: ProductView;
};

export function variantLabel(
  product: Pick<Product, 'variants'>,
  variantId: string | undefined,
  lang: Lang,
): string {
  const variant = product.variants.find((v) => v.id === variantId);
  return variant ? variantName(variant, lang) : '';
}

export function GarmentList(props: {
  device: DeviceHandle;
  garments: Garment[];
  selected: string | undefined;
  onSelect: (productId: string) => void;
  onRemove: (key: string) => void;
}) {
  const { t: m } = useMirrorText();
  const { lang } = useI18n();
  const [products, setProducts] = useState<Map<string, Product>>(new Map());
  const ids = props.garments.map((g) => g.productId).join(',');
  useEffect(() => {
    const wanted = ids ? ids.split(',') : [];
    const subscription = liveQuery(() => props.device.db.products.bulkGet(wanted)).subscribe({
      next: (found) =>
        setProducts(new Map(found.filter((p) => p !== undefined).map((p) => [p.id, p]))),
      error: () => setProducts(new Map()),
    });
    return () => subscription.unsubscribe();
  }, [props.device, ids]);

  return (
    <section className="garments" aria-labelledby="room-title">
      <h2 id="room-title">
        {m.inTheRoom}
        {props.garments.length > 0 && <span className="count"> ({props.garments.length})</span>}
      </h2>
      {props.garments.length === 0 && <p className="muted">{m.emptyRoom}</p>}
      <ul>
        {props.garments.map((garment) => {
          const product = products.get(garment.productId) ?? garment.served?.product;
          const name = product?.name[lang] ?? garment.productId;
          // An item sold in one size and colour names none: no empty line for it.
          const variant = product && variantLabel(product, garment.variantId, lang);
          return (
            <li key={garment.key} data-testid="garment" data-product-id={garment.productId}>
              <button
                type="button"
                className="garment"
                aria-pressed={props.selected === garment.productId}
                onClick={() => props.onSelect(garment.productId)}
              >
                <ProductImage src={product?.images[0]} className="garment-image" sizes="200px" />
                <span className="garment-text">
                  <strong className="garment-name">{name}</strong>
                  {variant && <span className="garment-variant">{variant}</span>}
                </span>
              </button>
              <button
                type="button"
                className="remove"
                aria-label={`${m.remove} ${name}`}
                onClick={() => props.onRemove(garment.key)}
              >
                <X className="icon" aria-hidden="true" />
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
