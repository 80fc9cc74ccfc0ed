// Whether a screen may show another store's stock figure, and how old it is (issue 16). A chain
// store's neighbours confirm their stock over the link; a figure nobody has confirmed within the
// window (the neighbour is offline, or its link is) is said to be unavailable rather than shown
// stale. Pure: the screen passes its clock.
import type { NeighbourStatus, ProductStock } from './catalogue';

/** How long a neighbour's figure stays showable after its last confirmation (lead's decision). */
export const NEIGHBOUR_STOCK_WINDOW_MS = 30 * 60 * 1000;
/** How often an unchanged store re-confirms its stock: well inside the window. */
export const STOCK_RECONFIRM_MS = 15 * 60 * 1000;

export type NeighbourFigure =
  /** From this store's own feed (a standalone store, the demo): shown as it is, no age. */
  | { kind: 'feed' }
  | { kind: 'confirmed'; confirmedAt: string; ageMs: number }
  | { kind: 'unavailable' };

type Level = ProductStock['levels'][number];

/**
 * The figure of `locationId` for one product: `level` is that store's level in the product's
 * stock record (absent: it holds none), `status` the store's last whole confirmation.
 */
export function neighbourFigure(
  level: Level | undefined,
  status: NeighbourStatus | undefined,
  nowMs: number,
  windowMs: number = NEIGHBOUR_STOCK_WINDOW_MS,
): NeighbourFigure {
  if (!status && level?.confirmedAt === undefined) return { kind: 'feed' };
  const times = [level?.confirmedAt, status?.confirmedAt]
    .filter((at): at is string => at !== undefined)
    .map((at) => ({ at, ms: Date.parse(at) }));
  const latest = times.reduce((a, b) => (b.ms > a.ms ? b : a));
  // A clock a little ahead of this device's still counts as just now.
  const ageMs = Math.max(0, nowMs - latest.ms);
  if (ageMs > windowMs) return { kind: 'unavailable' };
  return { kind: 'confirmed', confirmedAt: latest.at, ageMs };
}
