// Food facts (composition, origin, allergens, nutrition) and tech specs.
import type { Product } from '../../core';
import { useI18n } from '../i18n/i18n';
import { specLabel } from '../i18n/spec-labels';

export function ProductFacts({ product }: { product: Product }) {
  const { t, lang, number } = useI18n();
  const food = product.food;
  const specs = product.electronics?.specs;
  return (
    <>
      {food && (
        <section className="panel facts" aria-labelledby="food-title">
          <h3 id="food-title">{t.foodFacts}</h3>
          <p>{food.composition[lang]}</p>
          <p>
            {t.origin} : {food.origin}
          </p>
          <p>
            {t.allergens} : {food.allergens.length ? food.allergens.join(', ') : t.noAllergens}
          </p>
          <table>
            <caption>{t.nutrition}</caption>
            <tbody>
              {Object.entries(food.nutritionPer100g).map(([key, value]) => (
                <tr key={key}>
                  <th scope="row">{t.nutrients[key as keyof typeof t.nutrients]}</th>
                  <td>{number(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
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
