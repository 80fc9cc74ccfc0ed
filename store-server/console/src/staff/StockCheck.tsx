// Stock across stores by scanned code (a wedge scanner types into the field)
// or by name, and correcting it after a count (staff: their store; a manager:
// any location).
import { useState, type FormEvent } from 'react';
import type { ProductStock, StockCheck as Answer } from '@vitrine/shared/core';
import { client } from '../common/api';
import { refusal } from '../common/refusal';
import { ScanButton } from './ScanButton';
import { RecentCorrections } from './RecentCorrections';
import { StockCorrectionForm } from './StockCorrectionForm';
import { useText } from './i18n';

type StockLevel = ProductStock['levels'][number];
type Variant = Answer['results'][number]['product']['variants'][number];

const itemLabel = (variant: Variant) =>
  [variant.size, variant.colour].filter(Boolean).join(' · ') || variant.gtin;

const total = (level: StockLevel) => Object.values(level.quantities).reduce((sum, n) => sum + n, 0);

export function StockCheck(props: { roles: string[] }) {
  const { t, lang, price } = useText();
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
    try {
      setAnswer(await client.stock.check({ query: { q: text.trim() } }));
    } catch (caught) {
      setError(refusal(caught, t));
    }
  }

  const nameOf = (id: string) =>
    answer?.locations.find((location) => location.id === id)?.name ?? id;
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
      {answer?.results.map(({ product, levels }) => (
        <article key={product.id} data-testid="stock-result">
          <h3>
            {product.name[lang]} · {product.brand} · {price(product.priceCents)}
          </h3>
          <table>
            <tbody>
              {levels.map((level) => (
                <tr key={level.locationId}>
                  <td>{nameOf(level.locationId)}</td>
                  <td data-location={level.locationId}>{total(level)}</td>
                  <td>
                    <small>
                      {product.variants
                        .map((variant) =>
                          t.itemCount(itemLabel(variant), level.quantities[variant.gtin] ?? 0),
                        )
                        .join(' · ')}
                    </small>
                  </td>
                  <td>{level.aisle ?? ''}</td>
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
            </tbody>
          </table>
          {correcting?.productId === product.id && (
            <StockCorrectionForm
              items={
                product.variants.length > 0
                  ? product.variants.map((variant) => ({
                      gtin: variant.gtin,
                      label: itemLabel(variant),
                    }))
                  : [{ gtin: product.gtin, label: product.name[lang] }]
              }
              locationId={correcting.locationId}
              quantities={
                levels.find((level) => level.locationId === correcting.locationId)?.quantities ?? {}
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
              itemLabel={(gtin) => {
                const variant = product.variants.find((v) => v.gtin === gtin);
                return variant ? itemLabel(variant) : product.name[lang];
              }}
            />
          )}
        </article>
      ))}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
