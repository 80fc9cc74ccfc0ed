// A product as the shopper sees it, entirely from the local copy. Reusable by
// any touchpoint: actions arrive as callbacks, the expert call as a slot.
import { useState, type ReactNode } from 'react';
import type { NewDeviceEvent } from '../../core';
import { displayGtin, priceNow } from '../../core';
import { useI18n } from '../i18n/i18n';
import { CategoryPath } from './CategoryPath';
import { FeedbackBar } from './FeedbackBar';
import { Model3dView } from './Model3dView';
import { PriceBlock } from './PriceBlock';
import { ProductFacts } from './ProductFacts';
import { ProductGallery } from './ProductGallery';
import { ProductTiles } from './ProductTiles';
import { ReviewsPanel } from './ReviewsPanel';
import { StockPanel } from './StockPanel';
import { unitsAt, type ProductView } from './product-view';
import { keyFactsText } from './speak';

export function ProductPage(props: {
  view: ProductView;
  storeId: string;
  baseUrl: string;
  /** The variant to show chosen (the one whose GTIN was scanned). */
  initialVariantId?: string | undefined;
  record: (event: NewDeviceEvent) => void;
  onOpenProduct: (productId: string) => void;
  /** Where the remote-expert call goes (shared/src/ui/call provides it). */
  expertSlot?: ReactNode;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { product, stock, reviews, promotion, locations, complementary, pairings } = props.view;
  const here = unitsAt(stock, props.storeId);
  // The variant chosen in the stock panel prices the page (a larger size may cost more).
  const [variantId, setVariantId] = useState<string | undefined>(undefined);
  const variant = product.variants.find((each) => each.id === variantId);
  const shown = priceNow(product, variant, promotion ? [promotion] : [], new Date());
  const model = product.model3d;
  const dishes = product.food?.dishes ?? [];
  // The code on the pack: the product's own, or its one item's; none for an item without a barcode.
  const code =
    product.gtin ?? (product.variants.length === 1 ? product.variants[0]?.gtin : undefined);
  // A feed may leave out the brand, the code and the description: no empty line for them.
  const brandLine = [product.brand, code && displayGtin(code)].filter(Boolean).join(' · ');
  const description = product.description[lang].trim();
  return (
    <article data-testid="product" className="product-page" aria-labelledby="product-name">
      <div className="product-head">
        <ProductGallery product={product} baseUrl={props.baseUrl} />
        <div className="product-info">
          <CategoryPath path={product.categoryPath} />
          <h2 id="product-name">{product.name[lang]}</h2>
          <PriceBlock product={product} promotion={promotion} variantId={variantId} />
          {brandLine && <p className="product-brand muted">{brandLine}</p>}
          {description && <p className="product-description">{description}</p>}
          <FeedbackBar
            key={product.id} // a new product: its own like and its own reading
            speechText={keyFactsText(product, i18n, here?.total, here?.aisle, shown)}
            onFeedback={(value) =>
              props.record({
                kind: 'feedback',
                payload: { target: 'product', productId: product.id, value },
              })
            }
          />
          {model && <Model3dView modelUrl={new URL(model, props.baseUrl).href} />}
        </div>
      </div>
      <StockPanel
        product={product}
        stock={stock}
        locations={locations}
        neighbours={props.view.neighbours}
        storeId={props.storeId}
        onVariant={setVariantId}
        {...(props.initialVariantId ? { initialVariantId: props.initialVariantId } : {})}
        onRequest={(request) =>
          props.record({ kind: 'request', payload: { ...request, productId: product.id } })
        }
      />
      <section className="panel expert-slot" aria-label={t.expertSlot} data-testid="expert-slot">
        {/* Talk to an expert: the call UI from shared/src/ui/call mounts here. */}
        {props.expertSlot ?? null}
      </section>
      <ReviewsPanel reviews={reviews} />
      <ProductFacts product={product} />
      <ProductTiles
        id="pairings"
        title={t.pairings}
        products={pairings}
        promotions={props.view.promotions}
        onOpenProduct={props.onOpenProduct}
        lead={
          dishes.length > 0 && (
            <ul className="dish-list" aria-label={t.dishes} data-testid="dishes">
              {dishes.map((dish) => (
                <li key={dish.en}>{dish[lang]}</li>
              ))}
            </ul>
          )
        }
      />
      <ProductTiles
        id="complementary"
        title={t.complementary}
        products={complementary}
        promotions={props.view.promotions}
        onOpenProduct={props.onOpenProduct}
      />
    </article>
  );
}
