// Looks a code up in the local copy only: it answers with the server down.
import { useState, type FormEvent } from 'react';
import { displayGtin, normalizeGtin, type ProductStock } from '../core';
import type { DeviceHandle, StoredProduct } from '../client';

type Found =
  { product: StoredProduct; stock: ProductStock | undefined } | { missing: string } | null;

const euros = (cents: number) =>
  (cents / 100).toLocaleString('fr-FR', { style: 'currency', currency: 'EUR' });

export function ProductLookup({ device, lang }: { device: DeviceHandle; lang: 'fr' | 'en' }) {
  const [code, setCode] = useState('');
  const [found, setFound] = useState<Found>(null);

  async function lookUp(event: FormEvent) {
    event.preventDefault();
    const gtin = normalizeGtin(code);
    if (!gtin) {
      setFound({ missing: lang === 'fr' ? 'Code invalide' : 'Invalid code' });
      return;
    }
    const product = await device.db.productByGtin(gtin);
    if (!product) {
      setFound({ missing: lang === 'fr' ? 'Produit inconnu' : 'Unknown product' });
      return;
    }
    setFound({ product, stock: await device.db.stock.get(product.id) });
  }

  const here =
    found && 'product' in found
      ? found.stock?.levels.find((l) => l.locationId === device.storeId)
      : undefined;
  return (
    <section style={{ fontFamily: 'system-ui, sans-serif' }}>
      <form onSubmit={(event) => void lookUp(event)}>
        <label>
          {lang === 'fr' ? 'Code-barres' : 'Barcode'}{' '}
          <input
            data-testid="code-input"
            inputMode="numeric"
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
        </label>{' '}
        <button type="submit">{lang === 'fr' ? 'Chercher' : 'Look up'}</button>
      </form>
      {found && 'missing' in found && <p role="alert">{found.missing}</p>}
      {found && 'product' in found && (
        <article data-testid="product">
          <h2>{found.product.name[lang]}</h2>
          <p>
            {found.product.brand} · {displayGtin(found.product.gtin)}
          </p>
          <p data-testid="price">{euros(found.product.priceCents)}</p>
          <p data-testid="stock-here">
            {lang === 'fr' ? 'En stock ici' : 'In stock here'}:{' '}
            {here ? Object.values(here.quantities).reduce((sum, n) => sum + n, 0) : 0}
            {here?.aisle ? ` · ${here.aisle}` : ''}
          </p>
        </article>
      )}
    </section>
  );
}
