// Food facts in the screen's language: ingredients with their allergen words
// in bold, the allergens set apart (icon, bold, colour and a heading, never
// colour alone), possible traces, origin and nutrition. A feed rarely has
// them all: each part the catalogue lacks is left out, never shown empty or
// as "no allergens" (unknown is not none), and with none the panel is not shown.
import { TriangleAlert } from 'lucide-react';
import { markAllergenWords, type AllergenCode, type FoodFacts } from '../../core';
import { useI18n } from '../i18n/i18n';
import { allergenNames } from './allergen-text';
import { NutriScore } from './NutriScore';

export function FoodFactsPanel({ food }: { food: FoodFacts }) {
  const { t, lang, number } = useI18n();
  const allergens = allergenNames(food.allergens ?? [], t);
  const traces = allergenNames(food.traces ?? [], t);
  const codes = allergens.flatMap((a): AllergenCode[] => (a.code ? [a.code] : []));
  const composition = food.composition?.[lang];
  const ingredients = composition ? markAllergenWords(composition, codes, lang) : [];
  const anyMarked = ingredients.some((part) => part.allergen);
  const origin = food.originLabel?.[lang] ?? food.origin;
  const nutrients = Object.entries(food.nutritionPer100g ?? {}).filter(
    (entry): entry is [string, number] => entry[1] !== undefined,
  );
  const grade = food.nutriscoreGrade;
  const anything =
    composition || food.allergens || traces.length > 0 || origin || nutrients.length > 0 || grade;
  if (!anything) return null;
  return (
    <section className="panel facts food-facts" aria-labelledby="food-title">
      <h3 id="food-title">{t.foodFacts}</h3>
      {composition && (
        <p data-testid="ingredients">
          <span className="facts-label">{t.labelled(t.ingredients, '')}</span>
          {ingredients.map((part, i) =>
            part.allergen ? (
              <strong key={i} className="allergen-word" data-allergen={part.allergen}>
                {part.text}
                <span className="sr-only"> ({t.allergenWord})</span>
              </strong>
            ) : (
              part.text
            ),
          )}
        </p>
      )}
      {anyMarked && <p className="facts-note muted">{t.allergensInBold}</p>}
      {allergens.length + traces.length > 0 ? (
        <div className="allergen-box" role="group" aria-labelledby="allergens-title">
          <p id="allergens-title" className="allergen-title">
            <TriangleAlert className="icon" aria-hidden="true" /> {t.allergens}
          </p>
          {allergens.length > 0 ? (
            <ul className="allergen-list" data-testid="allergens">
              {allergens.map((allergen) => (
                <li key={allergen.name} className="allergen" data-allergen={allergen.code ?? ''}>
                  <strong>{allergen.name}</strong>
                </li>
              ))}
            </ul>
          ) : (
            food.allergens && <p data-testid="allergens">{t.noAllergens}</p>
          )}
          {traces.length > 0 && (
            <p data-testid="traces">
              {t.labelled(t.traces, traces.map((trace) => trace.name).join(', '))}
            </p>
          )}
        </div>
      ) : (
        food.allergens && <p data-testid="allergens">{t.noAllergens}</p>
      )}
      {origin && <p data-testid="origin">{t.labelled(t.origin, origin)}</p>}
      {grade && <NutriScore grade={grade} />}
      {nutrients.length > 0 && (
        <table>
          <caption>{food.nutritionBasis === '100ml' ? t.nutritionPer100ml : t.nutrition}</caption>
          <tbody>
            {nutrients.map(([key, value]) => (
              <tr key={key}>
                <th scope="row">{t.nutrients[key as keyof typeof t.nutrients]}</th>
                <td>{number(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
