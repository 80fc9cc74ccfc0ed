// What the store server tells each signage screen about itself: where it is
// (for targeting), the store's time zone (for schedules) and the language it
// speaks (set per screen, never the OS locale). Synced, one per screen.
import { z } from 'zod';

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '1-64 of A-Z a-z 0-9 _ -');

export const ScreenProfileDoc = z.object({
  /** The screen's device id. */
  id: Id,
  storeId: Id,
  region: Id.optional(),
  /** IANA zone of the store, e.g. Europe/Paris. */
  timeZone: z.string().min(1).max(64),
  groups: z.array(Id).max(20),
  tags: z.array(Id).max(20),
  /** The language the screen shows; absent: the store's default (French). */
  lang: z.enum(['fr', 'en']).optional(),
});
export type ScreenProfileDoc = z.infer<typeof ScreenProfileDoc>;
