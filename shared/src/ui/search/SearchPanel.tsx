// Search as you type over the whole catalogue, with department (from the data), brand, price and
// "in stock here" facets. Answers come from the search worker, never the network.
// When the panel opens and when a search is submitted (Enter), focus moves to
// the results' heading (use-results-focus), which says how many there are; it
// is a live region too, so the count is announced as the shopper types.
import { useId } from 'react';
import {
  type CatalogueSearch,
  type PriceBand,
  type SearchHit,
  type SearchRequest,
} from '../../client/search';
import type { Promotion } from '../../core';
import { useI18n, type I18n } from '../i18n/i18n';
import { ResultList } from './ResultList';
import { useCatalogueSearch, useIndexStatus } from './use-catalogue-search';
import { useResultsFocus } from './use-results-focus';

const NO_HITS: readonly SearchHit[] = [];
const NO_PROMOTIONS: readonly Promotion[] = [];

function bandLabel({ t, priceLimit }: I18n, band: PriceBand): string {
  if (band.max === undefined) return t.priceBand.over(priceLimit(band.min));
  if (band.min === 0) return t.priceBand.under(priceLimit(band.max));
  return t.priceBand.between(priceLimit(band.min), priceLimit(band.max));
}

export function SearchPanel(props: {
  search: CatalogueSearch;
  request: SearchRequest;
  onChange: (request: SearchRequest) => void;
  onOpenProduct: (productId: string) => void;
  /** Move focus to the results once the first answer is in (after "Browse"). */
  focusResultsOnOpen?: boolean;
  /** The store's promotions, so tiles show the price the product page will. */
  promotions?: readonly Promotion[] | undefined;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { request, onChange } = props;
  const status = useIndexStatus(props.search);
  const ready = status.state === 'ready';
  // A new answer when the index changes (built, or products indexed again after a sync).
  const indexVersion =
    status.state === 'ready' ? `${status.documents}:${status.reindexed}` : status.state;
  const state = useCatalogueSearch(props.search, request, indexVersion);
  const inputId = useId();
  const set = (patch: Partial<SearchRequest>) => onChange({ ...request, ...patch });
  const focus = useResultsFocus({
    onOpen: !!props.focusResultsOnOpen,
    answered: state?.query,
    query: request.query,
    settled: ready || status.state === 'failed',
  });

  return (
    <section
      ref={focus.panel}
      className="search"
      aria-labelledby={`${inputId}-title`}
      data-index-state={status.state}
      data-index-ms={status.state === 'ready' ? Math.round(status.buildMs) : undefined}
      data-index-reindexed={status.state === 'ready' ? status.reindexed : undefined}
      data-answered-department={state ? (state.department ?? '') : undefined}
      data-search-ms={state ? state.answer.searchMs.toFixed(1) : undefined}
    >
      <h2 id={`${inputId}-title`} className="sr-only">
        {t.searchLabel}
      </h2>
      <form
        role="search"
        className="search-box"
        onSubmit={(event) => {
          event.preventDefault();
          focus.submitted();
        }}
      >
        <label htmlFor={inputId}>{t.search}</label>
        <input
          id={inputId}
          type="search"
          data-testid="search-input"
          autoComplete="off"
          maxLength={200}
          placeholder={t.searchPlaceholder}
          value={request.query}
          onChange={(event) => set({ query: event.target.value })}
        />
      </form>
      <div className="chips" role="group" aria-label={t.filters}>
        <button
          type="button"
          aria-pressed={!request.department}
          onClick={() => set({ department: undefined })}
        >
          {t.allCategories}
        </button>
        {(state?.answer.facets.departments ?? []).map(({ department, label }) => (
          <button
            key={department}
            type="button"
            data-department={department}
            aria-pressed={request.department === department}
            onClick={() => set({ department })}
          >
            {label[i18n.lang]}
          </button>
        ))}
      </div>
      <div className="facets">
        <label>
          {t.brand}{' '}
          <select
            value={request.brand ?? ''}
            onChange={(e) => set({ brand: e.target.value || undefined })}
          >
            <option value="">{t.allCategories}</option>
            {(state?.answer.facets.brands ?? []).map(({ brand, count }) => (
              <option key={brand} value={brand}>
                {brand} ({count})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.price}{' '}
          <select
            value={request.priceBand ?? ''}
            onChange={(e) => set({ priceBand: e.target.value || undefined })}
          >
            <option value="">{t.allCategories}</option>
            {(state?.answer.facets.priceBands ?? []).map((band) => (
              <option key={band.id} value={band.id}>
                {bandLabel(i18n, band)} ({band.count})
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          aria-pressed={!!request.inStockHere}
          onClick={() => set({ inStockHere: !request.inStockHere || undefined })}
        >
          {t.inStockHereFilter} ({state?.answer.facets.inStockHere ?? 0})
        </button>
      </div>
      {!ready && status.state === 'building' && (
        <p role="status">
          {t.indexing}{' '}
          {status.total > 0 ? `${Math.round((100 * status.indexed) / status.total)} %` : ''}
        </p>
      )}
      <h3
        ref={focus.heading}
        tabIndex={-1}
        className="result-count"
        data-testid="result-count"
        aria-live="polite"
        aria-atomic="true"
      >
        {state ? t.results(state.answer.total) : ''}
      </h3>
      {state && state.answer.total === 0 && <p>{t.noResultsHelp}</p>}
      <ResultList
        hits={state?.answer.hits ?? NO_HITS}
        answered={state?.query}
        onOpenProduct={props.onOpenProduct}
        promotions={props.promotions ?? NO_PROMOTIONS}
      />
    </section>
  );
}
