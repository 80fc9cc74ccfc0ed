// Focus on the results' heading (which says how many there are) when the
// search panel opens and when a search is submitted, once the answer to the
// text asked about is in. Opening never takes focus from a shopper who has
// already tapped into the panel (the search box) while the answer was coming.
import { useEffect, useRef, useState } from 'react';

type Ask = { id: number; submitted: boolean };

export function useResultsFocus(options: {
  onOpen: boolean;
  /** The text the shown answer is for, and the text in the box. */
  answered: string | undefined;
  query: string;
  /** The index is ready (or failed): the answer is final. */
  settled: boolean;
}) {
  const panel = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [ask, setAsk] = useState<Ask | undefined>(
    options.onOpen ? { id: 1, submitted: false } : undefined,
  );
  const served = useRef(0);
  const { answered, query, settled } = options;
  useEffect(() => {
    if (!ask || ask.id === served.current || !settled || answered !== query) return;
    served.current = ask.id;
    if (!ask.submitted && panel.current?.contains(document.activeElement)) return;
    heading.current?.focus();
  }, [ask, settled, answered, query]);
  const submitted = () => setAsk((last) => ({ id: (last?.id ?? 0) + 1, submitted: true }));
  return { panel, heading, submitted };
}
