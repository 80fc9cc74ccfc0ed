// Where a playlist is at a given time: item i started at `startsAt` and ends
// at `endsAt`. Pure, so screens of a sync group that share an anchor and a
// corrected clock agree on which item plays and when it starts.
import type { Playlist, PlaylistItem } from '../campaign/campaign';

export type Position = {
  index: number;
  item: PlaylistItem;
  /** Completed cycles since the anchor. */
  cycle: number;
  startsAt: number;
  endsAt: number;
};

export function cycleLength(playlist: Playlist): number {
  return playlist.items.reduce((sum, item) => sum + item.durationMs, 0);
}

export function positionAt(playlist: Playlist, anchorMs: number, nowMs: number): Position {
  const length = cycleLength(playlist);
  const elapsed = Math.max(0, nowMs - anchorMs);
  const cycle = Math.floor(elapsed / length);
  let offset = elapsed - cycle * length;
  let startsAt = anchorMs + cycle * length;
  for (let index = 0; index < playlist.items.length; index++) {
    const item = playlist.items[index]!;
    if (offset < item.durationMs) {
      return { index, item, cycle, startsAt, endsAt: startsAt + item.durationMs };
    }
    offset -= item.durationMs;
    startsAt += item.durationMs;
  }
  // Unreachable with positive durations; keeps the type total.
  const first = playlist.items[0]!;
  return { index: 0, item: first, cycle: cycle + 1, startsAt, endsAt: startsAt + first.durationMs };
}

/** The item after `position`, which must be ready (decoded) before `position.endsAt`. */
export function nextPosition(playlist: Playlist, position: Position): Position {
  const index = (position.index + 1) % playlist.items.length;
  const item = playlist.items[index]!;
  return {
    index,
    item,
    cycle: index === 0 ? position.cycle + 1 : position.cycle,
    startsAt: position.endsAt,
    endsAt: position.endsAt + item.durationMs,
  };
}
