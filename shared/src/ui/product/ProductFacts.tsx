// Food facts (composition, origin, allergens, nutrition) and tech specs.
import type { Product } from '../../core';
import { FoodFactsPanel } from './FoodFactsPanel';
import { useI18n } from '../i18n/i18n';
import { specLabel } from '../i18n/spec-labels';

export function ProductFacts({ product }: { product: Product }) {
  const { t, lang } = useI18n();
  const food = product.food;
  const specs = product.electronics?.specs;
  return (
    <>
      {food && <FoodFactsPanel food={food} />}
      {specs && Object.keys(specs).length > 0 && (
        <section className="panel facts" aria-labelledby="specs-title">
          <h3 id="specs-title">{t.techSpecs}</h3>
          <table>
            <tbody>
              {Object.entries(specs).map(([key, value]) => (
                <tr key={key}>
                  <th scope="row">{specLabel(key, lang)}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
