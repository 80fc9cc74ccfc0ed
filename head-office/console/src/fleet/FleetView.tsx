// Every screen of every store, as its store last reported it: a page of 200 at a time in
// (store, screen) order, filtered by store, region, app and status, with the counts per
// status over every page. Built for 100k screens: the console holds one page.
import { useCallback, useState } from 'react';
import type { HqScreen } from '@vitrine/shared/core';
import { hq } from '../api';
import { useText } from '../i18n';
import { FilterForm } from '../FilterForm';
import { PagedTable } from '../PagedTable';
import { usePages } from '../use-pages';
import { when } from '../when';

type Filter = {
  store: string;
  region: string;
  app: '' | HqScreen['app'];
  status: '' | HqScreen['status'];
};
type Cursor = { store: string; device: string };
const NO_FILTER: Filter = { store: '', region: '', app: '', status: '' };

/** Only the filters given: an empty field means "any". */
function queryOf(filter: Filter) {
  return {
    ...(filter.store ? { store: filter.store } : {}),
    ...(filter.region ? { region: filter.region } : {}),
    ...(filter.app ? { app: filter.app } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
}

export function FleetView() {
  const { t, locale } = useText();
  const [typed, setTyped] = useState<Filter>(NO_FILTER);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [counts, setCounts] = useState<{ online: number; offline: number } | null>(null);
  const load = useCallback(
    async (after: Cursor | undefined) => {
      const answer = await hq.fleet.list({
        query: {
          ...queryOf(filter),
          ...(after ? { afterStore: after.store, afterDevice: after.device } : {}),
        },
      });
      setCounts(answer.counts);
      return { rows: answer.screens, next: answer.next };
    },
    [filter],
  );
  const pages = usePages(load, t.unreachable);
  const text = (name: 'store' | 'region', label: string) => (
    <label>
      {label}
      <input
        name={name}
        size={12}
        value={typed[name]}
        onChange={(e) => setTyped({ ...typed, [name]: e.target.value.trim() })}
      />
    </label>
  );

  return (
    <section aria-label={t.tabs.fleet}>
      <FilterForm onFilter={() => setFilter({ ...typed })}>
        {text('store', t.store)}
        {text('region', t.regionId)}
        <label>
          {t.app}
          <select
            name="app"
            value={typed.app}
            onChange={(e) => setTyped({ ...typed, app: e.target.value as Filter['app'] })}
          >
            <option value="">{t.any}</option>
            {(['kiosk', 'signage', 'mirror', 'counter'] as const).map((app) => (
              <option key={app} value={app}>
                {t.apps[app]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.status}
          <select
            name="status"
            value={typed.status}
            onChange={(e) => setTyped({ ...typed, status: e.target.value as Filter['status'] })}
          >
            <option value="">{t.any}</option>
            <option value="online">{t.screenStatus.online}</option>
            <option value="offline">{t.screenStatus.offline}</option>
          </select>
        </label>
      </FilterForm>
      {counts && <p data-testid="fleet-counts">{t.counts(counts.online, counts.offline)}</p>}
      <PagedTable
        pages={pages}
        testId="fleet"
        empty={t.noScreens}
        columns={[
          t.store,
          t.screen,
          t.app,
          t.version,
          t.status,
          t.lastContact,
          t.showing,
          t.flagsColumn,
          t.reported,
        ]}
        row={(screen) => (
          <tr
            key={`${screen.storeId}/${screen.deviceId}`}
            data-store={screen.storeId}
            data-device={screen.deviceId}
          >
            <td>{screen.storeId}</td>
            <td>{screen.deviceId}</td>
            <td>{t.apps[screen.app]}</td>
            <td>{screen.version}</td>
            <td className={screen.status}>{t.screenStatus[screen.status]}</td>
            <td>{when(screen.lastContact, locale, t.never)}</td>
            <td>{screen.showing ?? '—'}</td>
            <td className={screen.flags.length > 0 ? 'flagged' : undefined}>
              {screen.flags.map((flag) => t.counterFlags[flag]).join(', ')}
            </td>
            <td>{when(screen.updatedAt, locale, t.never)}</td>
          </tr>
        )}
      />
    </section>
  );
}
