// What one line cannot know alone: an id already used on an earlier line (the
// second is refused, naming the first), a GTIN already on another product (the
// second keeps its line but loses the code: searchable, not scannable).
// Inventory lines are checked by the staging table's key instead: 5M keys in a
// Map would cost hundreds of MB.
import type { FoodLine, ProductLine } from './feed-lines';
import type { ReportEntry } from './line-report';
import { reported, reportMessage } from './report-messages';

export function duplicateGuard(file: string) {
  const idLines = new Map<string, number>();
  const gtinLines = new Map<string, { line: number; id: string }>();

  function seenId(line: ProductLine | FoodLine, entries: ReportEntry[]): boolean {
    const first = idLines.get(line.id);
    if (first === undefined) {
      idLines.set(line.id, line.line);
      return false;
    }
    entries.push({
      file,
      line: line.line,
      field: 'id',
      ...reported(reportMessage('id_duplicate', { id: line.id, first })),
      action: 'rejected',
    });
    return true;
  }

  return {
    /** The line to keep (its GTIN dropped if taken), or undefined when its id is taken. */
    product(line: ProductLine, entries: ReportEntry[]): ProductLine | undefined {
      if (seenId(line, entries)) return undefined;
      if (line.gtin === undefined) return line;
      const first = gtinLines.get(line.gtin);
      if (!first) {
        gtinLines.set(line.gtin, { line: line.line, id: line.id });
        return line;
      }
      entries.push({
        file,
        line: line.line,
        field: 'gtin',
        ...reported(
          reportMessage('gtin_duplicate', { gtin: line.gtin, line: first.line, id: first.id }),
        ),
        action: 'warning',
      });
      const kept = { ...line };
      delete kept.gtin;
      return kept;
    },
    food(line: FoodLine, entries: ReportEntry[]): FoodLine | undefined {
      return seenId(line, entries) ? undefined : line;
    },
  };
}
