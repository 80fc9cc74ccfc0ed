// The row of tabs under a desk console's header: one selected, each labelled in the console's
// language.
export function Tabs<T extends string>(props: {
  tabs: readonly T[];
  labels: Record<T, string>;
  selected: T;
  onSelect: (tab: T) => void;
}) {
  return (
    <nav role="tablist">
      {props.tabs.map((id) => (
        <button
          key={id}
          type="button"
          role="tab"
          aria-selected={props.selected === id}
          onClick={() => props.onSelect(id)}
        >
          {props.labels[id]}
        </button>
      ))}
    </nav>
  );
}
