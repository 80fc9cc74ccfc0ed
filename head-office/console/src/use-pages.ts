// One page of a keyset-paged list at a time (head office answers `next`, the cursor of the
// page after): the console never holds more than a page, so 100k screens cost one page.
import { useCallback, useEffect, useState } from 'react';
import { failure } from './api';

export type Page<Row, Cursor> = { rows: Row[]; next: Cursor | null };

export function usePages<Row, Cursor>(
  load: (cursor: Cursor | undefined) => Promise<Page<Row, Cursor>>,
  unreachable: string,
) {
  const [cursor, setCursor] = useState<{ at: Cursor | undefined; page: number }>({
    at: undefined,
    page: 1,
  });
  const [page, setPage] = useState<Page<Row, Cursor> | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A new `load` (other filters) starts again at the first page.
  useEffect(() => setCursor({ at: undefined, page: 1 }), [load]);
  const reload = useCallback(() => {
    let live = true;
    load(cursor.at).then(
      (answer) => {
        if (!live) return;
        setPage(answer);
        setError(null);
      },
      (caught: unknown) => live && setError(failure(caught, unreachable)),
    );
    return () => {
      live = false;
    };
  }, [load, cursor, unreachable]);
  useEffect(reload, [reload]);
  const next = page?.next ?? null;
  return {
    rows: page?.rows ?? [],
    loaded: page !== null,
    error,
    pageNumber: cursor.page,
    hasNext: next !== null,
    nextPage: () => next !== null && setCursor({ at: next, page: cursor.page + 1 }),
    firstPage: () => setCursor({ at: undefined, page: 1 }),
    reload,
  };
}
