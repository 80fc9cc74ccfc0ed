// The filters above a list: fields, then "Filter", which asks head office again.
import type { ReactNode } from 'react';
import { useText } from './i18n';

export function FilterForm(props: { onFilter: () => void; children: ReactNode }) {
  const { t } = useText();
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        props.onFilter();
      }}
    >
      {props.children}
      <button type="submit" className="action">
        {t.filter}
      </button>
    </form>
  );
}
