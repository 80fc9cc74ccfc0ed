// A product promotion card: live price, promotion and stock here, read from
// the local copy (so it stays right with the server down) and read again as
// soon as a price or promotion syncs. Laid out by its zone's size (container
// queries in index.html): the price never shrinks or leaves the zone; the
// name and picture give way first.
import {
  priceNow,
  totalUnits,
  type PriceNow,
  type Product,
  type ProductStock,
} from '@vitrine/shared/core';
import type { DeviceHandle } from '@vitrine/shared/client';
import { ProductImage } from '@vitrine/shared/ui';
import { useText } from './signage-text';
import { useLocalRead } from './use-local-read';

type CardData = { product: Product; stockHere: number | null; shown: PriceNow };

async function readCard(
  device: DeviceHandle,
  productId: string,
  now: Date,
): Promise<CardData | null> {
  const product = await device.db.products.get(productId);
  if (!product) return null;
  const stock: ProductStock | undefined = await device.db.stock.get(productId);
  const level = stock?.levels.find((entry) => entry.locationId === device.storeId);
  const promotions = await device.db.promotions.toArray();
  return {
    product,
    stockHere: level ? totalUnits(level.quantities) : null,
    // The kiosk's own pricing (a sale, a promotion, "from" for variants that differ).
    shown: priceNow(product, undefined, promotions, now),
  };
}

export function ProductCard(props: { productId: string; device: DeviceHandle; lang: 'fr' | 'en' }) {
  const card = useLocalRead(
    props.device,
    (device, now) => readCard(device, props.productId, now),
    props.productId,
  );
  const { t, price } = useText();
  if (!card) return <div className="product-card" data-testid="product-card" />;
  const { product, shown, stockHere } = card;
  const { promotion } = shown;
  const amount = price(shown.nowCents);
  return (
    <div className="product-card" data-testid="product-card" data-product-id={product.id}>
      {product.images[0] && (
        <ProductImage
          className="card-image"
          src={new URL(product.images[0], props.device.baseUrl).href}
          sizes="50vw"
          eager
        />
      )}
      <div className="info">
        <h2>{product.name[props.lang]}</h2>
        {promotion && <p className="promo">{promotion.label[props.lang]}</p>}
        <p
          className="price"
          data-testid="card-price"
          data-cents={shown.nowCents}
          data-from={shown.from}
          data-sale={shown.onSale}
        >
          {shown.nowCents < shown.regularCents && <s>{price(shown.regularCents)}</s>}
          <span>{shown.from ? t.priceFrom(amount) : amount}</span>
        </p>
        {stockHere !== null && (
          <p className="stock" data-testid="card-stock">
            {stockHere > 0 ? t.inStockHere(stockHere) : t.soldOutHere}
          </p>
        )}
      </div>
    </div>
  );
}
