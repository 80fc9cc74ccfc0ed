// SQL for searching by words in any order, with the same folding as the
// screens (foldText: case and accents): a `fold()` SQLite function, and the
// condition that every word of a query appears in a text column.
import { foldText, searchWords } from '@vitrine/shared/core';
import type { Db } from '../db/database';

export function registerFold(db: Db): void {
  db.function('fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldText(text) : null,
  );
}

/** `fold(text) LIKE ? AND …` for `count` words. */
export const everyWord = (text: string, count: number) =>
  Array.from({ length: count }, () => `fold(${text}) LIKE ? ESCAPE '\\'`).join(' AND ');

/** The LIKE patterns of a query's words (empty when it has none). */
export const wordPatterns = (query: string) =>
  searchWords(query).map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
