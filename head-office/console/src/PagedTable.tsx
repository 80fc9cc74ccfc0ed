// A keyset-paged list as a table: head office's refusal if the page could not be read, a line
// when nothing matches, the page's rows, and the pager under them.
import type { ReactNode } from 'react';
import { Notice } from './Notice';
import { Pager } from './Pager';
import type { usePages } from './use-pages';

export function PagedTable<Row>(props: {
  pages: ReturnType<typeof usePages<Row, unknown>>;
  /** Column headings; an empty one for a column of actions. */
  columns: string[];
  empty: string;
  testId: string;
  row: (row: Row) => ReactNode;
}) {
  const { pages } = props;
  return (
    <>
      {pages.error && <Notice notice={{ kind: 'alert', text: pages.error }} />}
      {pages.loaded && pages.rows.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <table data-testid={props.testId}>
          <thead>
            <tr>
              {props.columns.map((column, index) => (
                <th key={index}>{column}</th>
              ))}
            </tr>
          </thead>
          <tbody>{pages.rows.map(props.row)}</tbody>
        </table>
      )}
      <Pager
        pageNumber={pages.pageNumber}
        hasNext={pages.hasNext}
        onNext={pages.nextPage}
        onFirst={pages.firstPage}
      />
    </>
  );
}
