// The buttons under a paged list: back to the first page, on to the next.
import { useText } from './i18n';

export function Pager(props: {
  pageNumber: number;
  hasNext: boolean;
  onNext: () => void;
  onFirst: () => void;
}) {
  const { t } = useText();
  if (props.pageNumber === 1 && !props.hasNext) return null;
  return (
    <div className="row pager">
      <button
        type="button"
        className="action"
        disabled={props.pageNumber === 1}
        onClick={props.onFirst}
      >
        {t.firstPage}
      </button>
      <span>{props.pageNumber}</span>
      <button type="button" className="action" disabled={!props.hasNext} onClick={props.onNext}>
        {t.nextPage}
      </button>
    </div>
  );
}
