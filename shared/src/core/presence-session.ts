// The session rule of retained presence (DESIGN: "presence like Sparkplug"),
// one copy for device status and expert presence, for both ends.
// Each connection of a client carries a session number that grows; its retained
// birth says "alive", its Last Will says "gone" with the same number.

export type SessionMark = { session: number; alive: boolean };

/**
 * Listener side: does `incoming` replace what we hold (`current`)? A will from
 * an older session, or a second will of a session already gone, changes nothing.
 */
export function supersedes(current: SessionMark | undefined, incoming: SessionMark): boolean {
  if (!current) return true;
  if (incoming.session < current.session) return false;
  return !(!incoming.alive && incoming.session === current.session && !current.alive);
}

/**
 * Publisher side: the retained message on our own topic is no longer our live
 * birth (a stale will overwrote it, or an older birth): publish the birth again.
 */
export function needsRebirth(ownSession: number, seen: SessionMark): boolean {
  return !seen.alive || seen.session < ownSession;
}

/** Publisher side: a birth of a newer session is someone else's: they took over. */
export function takenOver(ownSession: number, seen: SessionMark): boolean {
  return seen.alive && seen.session > ownSession;
}
