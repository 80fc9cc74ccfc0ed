// How many result tiles the shopper can see without scrolling, so a new answer
// can paint those first and the rest of the list just after.

export type ListGeometry = {
  /** Tracks of the grid (tiles per row). */
  columns: number;
  /** Top of the list relative to the viewport (negative once scrolled past). */
  listTop: number;
  /** Height of one row of tiles plus the gap between rows. */
  rowPitch: number;
  viewportHeight: number;
};

/**
 * Whole rows from the list's top down to the viewport's bottom (a row cut by the
 * bottom edge counts), and at least one. Search tiles all have the same height,
 * so the first row's pitch holds for every row.
 */
export function tilesToFillView(geometry: ListGeometry): number | undefined {
  const { columns, listTop, rowPitch, viewportHeight } = geometry;
  if (!(columns >= 1) || !(rowPitch > 0) || !Number.isFinite(listTop)) return undefined;
  const rows = Math.max(1, Math.ceil((viewportHeight - listTop) / rowPitch));
  return Math.ceil(columns) * rows;
}

/**
 * Reads the geometry of a laid-out tile grid (call it when layout is clean, after
 * a paint). Undefined while the list has no tile to measure a row by.
 */
export function tilesInView(list: HTMLElement): number | undefined {
  const first = list.firstElementChild;
  if (!first) return undefined;
  const style = getComputedStyle(list);
  // A grid's resolved column template lists one size per track: "280px 280px 280px".
  const columns = style.gridTemplateColumns.split(' ').filter((track) => track.endsWith('px'));
  return tilesToFillView({
    columns: columns.length,
    listTop: list.getBoundingClientRect().top,
    rowPitch: first.getBoundingClientRect().height + (Number.parseFloat(style.rowGap) || 0),
    viewportHeight: window.innerHeight,
  });
}
