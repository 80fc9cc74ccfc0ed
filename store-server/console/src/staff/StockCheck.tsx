// Stock across stores by scanned code (a wedge scanner types into the field)
// or by name, and correcting it after a count (staff: their store; a manager:
// any location).
import { useState, type FormEvent } from 'react';
import {
  neighbourFigure,
  totalUnits,
  unitsOfVariant,
  type NeighbourFigure,
  type PriceNow,
  type ProductStock,
  type StockCheck as Answer,
} from '@vitrine/shared/core';
import { client } from '../common/api';
import { refusal } from '../common/refusal';
import { ScanButton } from './ScanButton';
import { RecentCorrections } from './RecentCorrections';
import { StockCorrectionForm } from './StockCorrectionForm';
import { useText } from './i18n';
import { priceHere, priceThere } from './stock-prices';

type StockLevel = ProductStock['levels'][number];
type Found = Answer['results'][number]['product'];
type Variant = Found['variants'][number];

const sizeAndColour = (variant: Variant) =>
  [variant.size, variant.colour].filter(Boolean).join(' · ');

const total = (level: StockLevel) => totalUnits(level.quantities);

/** A price now as the shopper screens say it ("from X"), a sale striking the regular price. */
function PriceNowText(props: { shown: PriceNow; place?: string; testId: string }) {
  const { t, price } = useText();
  const { shown, place } = props;
  const amount = price(shown.nowCents);
  const text = shown.from ? t.priceFrom(amount) : amount;
  return (
    <span data-testid={props.testId} data-cents={shown.nowCents} data-from={shown.from}>
      {place === undefined ? text : t.priceAt(place, text)}
      {shown.nowCents < shown.regularCents && (
        <>
          {' '}
          <s>{price(shown.regularCents)}</s>
        </>
      )}
    </span>
  );
}

export function StockCheck(props: { roles: string[] }) {
  const { t, lang } = useText();
  // A product sold as one item is named by its name; otherwise by size and colour, or by code.
  const itemLabel = (product: Found, variant: Variant) =>
    sizeAndColour(variant) ||
    (product.variants.length === 1 ? product.name[lang] : (variant.gtin ?? variant.id));
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The product and location being corrected. */
  const [correcting, setCorrecting] = useState<{ productId: string; locationId: string } | null>(
    null,
  );
  const manager = props.roles.some((role) => role === 'manager' || role === 'admin');
  const mayCorrect = (locationId: string) => manager || locationId === answer?.storeId;

  /** Grows with each saved correction: the audit list reads itself again. */
  const [saved, setSaved] = useState(0);
  const [lastCorrected, setLastCorrected] = useState<string | null>(null);

  function corrected(stock: ProductStock) {
    setCorrecting(null);
    setSaved((n) => n + 1);
    setLastCorrected(stock.id);
    setAnswer(
      (current) =>
        current && {
          ...current,
          results: current.results.map((result) =>
            result.product.id === stock.id ? { ...result, levels: stock.levels } : result,
          ),
        },
    );
  }

  async function search(text: string) {
    setQuery(text);
    setError(null);
    // The route asks for 2 characters: say so in the console's words, not the schema's.
    if (text.trim().length < 2) {
      setAnswer(null);
      return setError(t.queryTooShort);
    }
    try {
      setAnswer(await client.stock.check({ query: { q: text.trim() } }));
    } catch (caught) {
      setError(refusal(caught, t));
    }
  }

  const nameOf = (id: string) =>
    answer?.locations.find((location) => location.id === id)?.name ?? id;
  /** A store's price is named by its town ("Lyon : 11,90 €"), its name when it has none. */
  const placeOf = (id: string) => {
    const location = answer?.locations.find((each) => each.id === id);
    return location?.city ?? location?.name ?? id;
  };
  const now = new Date();
  return (
    <section>
      <h2>{t.stock}</h2>
      <form
        className="row"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void search(query);
        }}
      >
        <input
          data-testid="stock-query"
          aria-label={t.barcodeOrName}
          autoFocus
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit" className="primary">
          {t.search}
        </button>
        <ScanButton accept="product" testId="stock-scan" onCode={(gtin) => void search(gtin)} />
      </form>
      {answer?.results.length === 0 && <p>{t.noProduct}</p>}
      {answer?.results.map((result) => {
        const { product } = result;
        // This store first, then the others in the order the record has them.
        const here = answer.storeId;
        const levels = [...result.levels].sort(
          (a, b) => Number(b.locationId === here) - Number(a.locationId === here),
        );
        // Stores that price it differently but hold no stock of it still say their price.
        const pricedOnly = [...new Set(result.storePrices.map((each) => each.locationId))].filter(
          (id) => !levels.some((level) => level.locationId === id),
        );
        const storePrice = (locationId: string) => {
          const shown = priceThere(result, locationId, now);
          return (
            shown && <PriceNowText shown={shown} place={placeOf(locationId)} testId="store-price" />
          );
        };
        return (
          <article key={product.id} data-testid="stock-result">
            <h3>
              {product.name[lang]} · {product.brand} ·{' '}
              <PriceNowText shown={priceHere(product, now)} testId="stock-price" />
            </h3>
            <table>
              <tbody>
                {levels.map((level) => (
                  <tr
                    key={level.locationId}
                    data-testid="stock-level"
                    data-location={level.locationId}
                  >
                    <td>{nameOf(level.locationId)}</td>
                    <LevelTotal
                      level={level}
                      here={level.locationId === here}
                      figure={neighbourFigure(
                        level,
                        answer.neighbours?.find((n) => n.id === level.locationId),
                        now.getTime(),
                      )}
                    />
                    <td>
                      <small>
                        {product.variants.length > 1 || product.variants.some(sizeAndColour)
                          ? product.variants
                              .map((variant) =>
                                t.itemCount(
                                  itemLabel(product, variant),
                                  unitsOfVariant(level.quantities, variant.id),
                                ),
                              )
                              .join(' · ')
                          : null}
                      </small>
                    </td>
                    <td>{level.aisle ?? ''}</td>
                    <td>{storePrice(level.locationId)}</td>
                    <td>
                      {mayCorrect(level.locationId) && (
                        <button
                          type="button"
                          className="action"
                          data-testid="correct-stock"
                          data-location={level.locationId}
                          onClick={() =>
                            setCorrecting({ productId: product.id, locationId: level.locationId })
                          }
                        >
                          {t.correct}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
                {pricedOnly.map((locationId) => (
                  <tr key={locationId} data-testid="stock-level" data-location={locationId}>
                    <td>{nameOf(locationId)}</td>
                    <td colSpan={3} />
                    <td>{storePrice(locationId)}</td>
                    <td />
                  </tr>
                ))}
              </tbody>
            </table>
            {correcting?.productId === product.id && (
              <StockCorrectionForm
                productId={product.id}
                items={product.variants.map((variant) => ({
                  variantId: variant.id,
                  label: itemLabel(product, variant),
                }))}
                locationId={correcting.locationId}
                quantities={
                  levels.find((level) => level.locationId === correcting.locationId)?.quantities ??
                  {}
                }
                onCorrected={corrected}
                onCancel={() => setCorrecting(null)}
              />
            )}
            {(correcting?.productId === product.id || lastCorrected === product.id) && (
              <RecentCorrections
                productId={product.id}
                version={saved}
                locationName={nameOf}
                itemLabel={(correction) => {
                  // Corrections from before variants had ids name the item by GTIN.
                  const variant = product.variants.find((v) =>
                    correction.variantId === null
                      ? v.gtin === correction.gtin
                      : v.id === correction.variantId,
                  );
                  return variant ? itemLabel(product, variant) : product.name[lang];
                }}
              />
            )}
          </article>
        );
      })}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}

/** A level's units; another store's with its age, or unavailable once it stopped confirming. */
function LevelTotal(props: { level: StockLevel; here: boolean; figure: NeighbourFigure }) {
  const { t } = useText();
  const { level, figure } = props;
  if (!props.here && figure.kind === 'unavailable')
    return (
      <td data-location={level.locationId} data-figure="unavailable">
        {t.stockUnavailable}
      </td>
    );
  return (
    <td data-location={level.locationId}>
      {total(level)}
      {!props.here && figure.kind === 'confirmed' && (
        <small> · {t.confirmedAgo(Math.floor(figure.ageMs / 60_000))}</small>
      )}
    </td>
  );
}
