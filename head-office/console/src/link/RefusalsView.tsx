// The messages stores refused (a bad signature, a schema they do not know) and why, as they
// reported them, newest first, a page at a time; one store's only if asked.
import { useCallback, useState } from 'react';
import { hq } from '../api';
import { useText } from '../i18n';
import { FilterForm } from '../FilterForm';
import { PagedTable } from '../PagedTable';
import { usePages } from '../use-pages';
import { when } from '../when';

export function RefusalsView() {
  const { t, locale } = useText();
  const [typed, setTyped] = useState('');
  // An object, so that "Filter" asks again even when the store typed did not change.
  const [filter, setFilter] = useState({ store: '' });
  const load = useCallback(
    async (before: number | undefined) => {
      const answer = await hq.link.refusals({
        query: { ...(before ? { before } : {}), ...(filter.store ? { store: filter.store } : {}) },
      });
      return { rows: answer.refusals, next: answer.next };
    },
    [filter],
  );
  const pages = usePages(load, t.unreachable);

  return (
    <section aria-label={t.tabs.refusals}>
      <p className="hint">{t.refusalsIntro}</p>
      <FilterForm onFilter={() => setFilter({ store: typed })}>
        <label>
          {t.store}
          <input name="store" value={typed} onChange={(e) => setTyped(e.target.value.trim())} />
        </label>
      </FilterForm>
      <PagedTable
        pages={pages}
        testId="refusals"
        empty={t.noRefusals}
        columns={[t.at, t.store, t.subject, t.rev, t.reason]}
        row={(row) => (
          <tr key={row.id}>
            <td>{when(row.at, locale, t.never)}</td>
            <td>{row.storeId}</td>
            <td>
              <code>{row.subject}</code>
            </td>
            <td>{row.rev ?? '—'}</td>
            <td>{row.reason}</td>
          </tr>
        )}
      />
    </section>
  );
}
