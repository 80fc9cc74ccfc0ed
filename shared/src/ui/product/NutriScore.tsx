// The Nutri-Score as shoppers know it from the pack: the five letters A–E in
// their colours, the product's grade larger and framed (never colour alone).
// Read as one image, "Nutri-Score: D", so a screen reader says the grade once.
import type { FoodFacts } from '../../core';
import { useI18n } from '../i18n/i18n';

type Grade = NonNullable<FoodFacts['nutriscoreGrade']>;
const GRADES: readonly Grade[] = ['a', 'b', 'c', 'd', 'e'];

export function NutriScore({ grade }: { grade: Grade }) {
  const { t } = useI18n();
  return (
    <div
      className="nutriscore"
      role="img"
      aria-label={t.labelled(t.nutriscore, grade.toUpperCase())}
      data-testid="nutriscore"
      data-grade={grade}
    >
      <span className="nutriscore-name" aria-hidden="true">
        {t.nutriscore}
      </span>
      <span className="nutriscore-scale" aria-hidden="true">
        {GRADES.map((letter) => (
          <span
            key={letter}
            className={letter === grade ? 'nutriscore-letter chosen' : 'nutriscore-letter'}
            data-letter={letter}
          >
            {letter.toUpperCase()}
          </span>
        ))}
      </span>
    </div>
  );
}
