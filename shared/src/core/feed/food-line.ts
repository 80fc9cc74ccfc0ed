// Open Food Facts-style facts, from a food feed or from extra columns of the
// product feed. A bad fact is left out with a warning: the product is still sold.
import { NUTRIMENT_COLUMNS, type FeedFields } from './columns';
import type { FoodLine, FoodPart } from './feed-lines';
import { parseAmount, parseNutriscore, splitTags } from './fields';
import { lineReport, type LineReport, type ReportEntry } from './line-report';
import { lineValues, type FeedContext, type LineValues } from './line-values';
import { reportMessage } from './report-messages';

/** The tag a food feed writes for a list known to be empty. */
export const NO_TAGS = 'en:none';

const BASES: Readonly<Record<string, FoodPart['nutritionBasis']>> = {
  '100g': '100g',
  '100ml': '100ml',
};

/** The food columns present on a line, or undefined when it has none. */
export function foodPart(values: LineValues, report: LineReport): FoodPart | undefined {
  const part: FoodPart = {};
  const ingredients = values.text('ingredients_text', 10_000);
  if (ingredients) part.ingredients = ingredients;
  const origins = values.text('origins', 1_000);
  if (origins) part.origins = origins;
  for (const column of ['allergens', 'traces'] as const) {
    const text = values.one(column);
    // Open Food Facts' `en:none` says "none", which an empty cell (unknown) cannot.
    if (text !== undefined) part[column] = splitTags(text).filter((tag) => tag !== NO_TAGS);
  }
  const basisText = values.one('nutrition_data_per');
  const basis =
    basisText === undefined ? undefined : BASES[basisText.toLowerCase().replace(/\s/g, '')];
  if (basisText !== undefined && !basis) {
    report.warn('nutrition_data_per', reportMessage('nutrition_basis', { value: basisText }));
  } else {
    if (basis) part.nutritionBasis = basis;
    const nutriments: NonNullable<FoodPart['nutriments']> = {};
    for (const [column, key] of Object.entries(NUTRIMENT_COLUMNS)) {
      const text = values.one(column);
      if (text === undefined) continue;
      const amount = parseAmount(text);
      if (amount.ok) nutriments[key] = amount.value;
      else report.warn(column, reportMessage('left_out', { cause: amount.message }));
    }
    if (Object.keys(nutriments).length) part.nutriments = nutriments;
  }
  const gradeText = values.one('nutriscore_grade');
  if (gradeText !== undefined) {
    const grade = parseNutriscore(gradeText);
    if (grade.ok) part.nutriscoreGrade = grade.value;
    else report.warn('nutriscore_grade', reportMessage('left_out', { cause: grade.message }));
  }
  return Object.keys(part).length ? part : undefined;
}

/** One line of a food feed: the product's id and its facts. */
export function parseFoodLine(
  fields: FeedFields,
  line: number,
  context: FeedContext,
): { line?: FoodLine; entries: ReportEntry[] } {
  const report = lineReport(context.file, line);
  const values = lineValues(fields, report);
  const id = values.id('id', true);
  const part = foodPart(values, report);
  if (report.rejected || id === undefined) return { entries: report.entries };
  return { line: { line, id, ...part }, entries: report.entries };
}
