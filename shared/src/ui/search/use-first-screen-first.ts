// A new answer's tiles in two passes: the rows the shopper can see in the
// frame that answers the keystroke, every other tile in a task right after that
// frame is painted. On a 1280×720 screen 12 of 48 tiles show; laying out and
// painting the other 36 in the keystroke's frame was most of its cost.
import { useEffect, useState, type RefObject } from 'react';
import type { SearchHit } from '../../client/search';
import { tilesInView } from './first-screen';

export type ProgressiveHits = {
  /** The tiles to render now. */
  shown: readonly SearchHit[];
  /** Every hit of the answer is rendered. */
  complete: boolean;
  /** Tiles from this index on are below the fold (undefined until measured). */
  firstScreen: number | undefined;
};

export function useFirstScreenFirst(
  hits: readonly SearchHit[],
  listRef: RefObject<HTMLElement | null>,
): ProgressiveHits {
  const [rendered, setRendered] = useState<readonly SearchHit[]>();
  const [firstScreen, setFirstScreen] = useState<number>();

  useEffect(() => {
    // requestAnimationFrame runs before the next frame; the timer it sets runs
    // once that frame is produced, when layout is clean and cheap to read.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        const measured = listRef.current ? tilesInView(listRef.current) : undefined;
        if (measured !== undefined) setFirstScreen(measured);
        setRendered(hits);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [hits, listRef]);

  // Until the screen is measured once, everything is rendered at once.
  const complete = rendered === hits || firstScreen === undefined || hits.length <= firstScreen;
  return { shown: complete ? hits : hits.slice(0, firstScreen), complete, firstScreen };
}
