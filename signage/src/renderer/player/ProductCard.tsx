// A product promotion card: live price, promotion and stock here, read from
// the local copy (so it stays right with the server down) and refreshed.
import { useEffect, useState } from 'react';
import {
  activePromotion,
  promotedPriceCents,
  type Product,
  type ProductStock,
  type Promotion,
} from '@vitrine/shared/core';
import type { DeviceHandle } from '@vitrine/shared/client';

type CardData = { product: Product; stockHere: number | null; promotion: Promotion | null };
const REFRESH_MS = 5_000;

const euros = (cents: number, lang: 'fr' | 'en') =>
  new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
  }).format(cents / 100);

async function readCard(device: DeviceHandle, productId: string): Promise<CardData | null> {
  const product = await device.db.products.get(productId);
  if (!product) return null;
  const stock: ProductStock | undefined = await device.db.stock.get(productId);
  const level = stock?.levels.find((entry) => entry.locationId === device.storeId);
  const promotion =
    activePromotion(await device.db.promotions.toArray(), productId, new Date()) ?? null;
  return {
    product,
    stockHere: level
      ? Object.values(level.quantities).reduce((sum, quantity) => sum + quantity, 0)
      : null,
    promotion,
  };
}

export function ProductCard(props: { productId: string; device: DeviceHandle; lang: 'fr' | 'en' }) {
  const [card, setCard] = useState<CardData | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      void readCard(props.device, props.productId).then((data) => live && setCard(data));
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [props.device, props.productId]);
  if (!card) return <div className="product-card" data-testid="product-card" />;
  const { product, promotion, stockHere } = card;
  const promoted = promotedPriceCents(product, promotion) ?? null;
  return (
    <div className="product-card" data-testid="product-card" data-product-id={product.id}>
      {product.images[0] && (
        <img src={new URL(product.images[0], props.device.baseUrl).href} alt="" />
      )}
      <div>
        <h2>{product.name[props.lang]}</h2>
        {promotion && <p className="promo">{promotion.label[props.lang]}</p>}
        <p className="price" data-testid="card-price">
          {promoted !== null && <s>{euros(product.priceCents, props.lang)}</s>}{' '}
          {euros(promoted ?? product.priceCents, props.lang)}
        </p>
        {stockHere !== null && (
          <p data-testid="card-stock">
            {stockHere > 0
              ? props.lang === 'fr'
                ? `${stockHere} en stock ici`
                : `${stockHere} in stock here`
              : props.lang === 'fr'
                ? 'Épuisé ici'
                : 'Sold out here'}
          </p>
        )}
      </div>
    </div>
  );
}
