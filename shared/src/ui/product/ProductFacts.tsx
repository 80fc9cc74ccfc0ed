// Food facts (composition, origin, allergens, nutrition) and the product's
// attributes as a table, each labelled by the catalogue's own words when it
// gives them, else by the screen's (spec-labels.ts).
import type { Product } from '../../core';
import { FoodFactsPanel } from './FoodFactsPanel';
import { useI18n } from '../i18n/i18n';
import { specLabel } from '../i18n/spec-labels';

export function ProductFacts({ product }: { product: Product }) {
  const { t, lang } = useI18n();
  const food = product.food;
  const attributes = product.attributes;
  return (
    <>
      {food && <FoodFactsPanel food={food} />}
      {attributes.length > 0 && (
        <section className="panel facts" aria-labelledby="specs-title">
          <h3 id="specs-title">{t.techSpecs}</h3>
          <table>
            <tbody>
              {attributes.map((attribute) => (
                <tr key={attribute.key}>
                  <th scope="row">{attribute.label?.[lang] ?? specLabel(attribute.key, lang)}</th>
                  <td>
                    {attribute.unit ? `${attribute.value} ${attribute.unit}` : attribute.value}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
