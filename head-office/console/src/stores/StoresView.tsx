// The chain's stores, a page at a time, filtered by region and status; a new store; and on
// each row what head office does for it (neighbours, an enrolment code, a revocation).
import { useCallback, useState } from 'react';
import type { HqStore } from '@vitrine/shared/core';
import { hq } from '../api';
import { useText } from '../i18n';
import { Notice, type NoticeState } from '../Notice';
import { PagedTable } from '../PagedTable';
import { FilterForm } from '../FilterForm';
import { usePages } from '../use-pages';
import { when } from '../when';
import { CreateStoreForm } from './CreateStoreForm';
import { StoreActions } from './StoreActions';

type Filter = { region: string; status: '' | HqStore['status'] };

export function StoresView() {
  const { t, locale } = useText();
  const [typed, setTyped] = useState<Filter>({ region: '', status: '' });
  const [filter, setFilter] = useState<Filter>(typed);
  const [notice, setNotice] = useState<NoticeState>(null);
  const load = useCallback(
    async (after: string | undefined) => {
      const answer = await hq.stores.list({
        query: {
          ...(after ? { after } : {}),
          ...(filter.region ? { region: filter.region } : {}),
          ...(filter.status ? { status: filter.status } : {}),
        },
      });
      return { rows: answer.stores, next: answer.next };
    },
    [filter],
  );
  const pages = usePages(load, t.unreachable);

  return (
    <>
      <CreateStoreForm
        onCreated={(store) => {
          setNotice({ kind: 'status', text: t.storeCreated(store.id) });
          pages.reload();
        }}
      />
      <section aria-label={t.tabs.stores}>
        <FilterForm onFilter={() => setFilter({ ...typed })}>
          <label>
            {t.regionId}
            <input
              name="region"
              value={typed.region}
              onChange={(e) => setTyped({ ...typed, region: e.target.value.trim() })}
            />
          </label>
          <label>
            {t.status}
            <select
              name="status"
              value={typed.status}
              onChange={(e) => setTyped({ ...typed, status: e.target.value as Filter['status'] })}
            >
              <option value="">{t.any}</option>
              <option value="active">{t.storeStatus.active}</option>
              <option value="revoked">{t.storeStatus.revoked}</option>
            </select>
          </label>
        </FilterForm>
        <Notice notice={notice} />
        <PagedTable
          pages={pages}
          testId="stores"
          empty={t.noStores}
          columns={[t.storeId, t.storeName, t.region, t.timeZone, t.status, t.keys, t.lastSeen, '']}
          row={(store) => (
            <tr key={store.id} data-store={store.id}>
              <td>{store.id}</td>
              <td>{store.name}</td>
              <td>{store.region?.name ?? '—'}</td>
              <td>
                {store.timeZone} · {store.currency}
              </td>
              <td className={store.status === 'revoked' ? 'offline' : undefined}>
                {t.storeStatus[store.status]}
              </td>
              <td>{store.liveKeys}</td>
              <td>{when(store.lastSeenAt, locale, t.never)}</td>
              <td>
                <StoreActions store={store} onChanged={pages.reload} onNotice={setNotice} />
              </td>
            </tr>
          )}
        />
      </section>
    </>
  );
}
