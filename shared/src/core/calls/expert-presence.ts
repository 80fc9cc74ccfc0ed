// Expert presence over MQTT (docs/protocol.md): each expert console publishes a
// retained birth on its own topic and leaves a retained Last Will; the store
// server publishes, retained, how many experts are free per skill — counts
// only, no names — for the screens' "Talk to an expert" button.
import { z } from 'zod';
import { PROTOCOL_VERSION } from '../protocol';
import { SkillAvailability } from './call-messages';
import { ExpertSkill } from './expert-skill';

const v = z.literal(PROTOCOL_VERSION, { error: `protocol version must be ${PROTOCOL_VERSION}` });
const Session = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** expert console → server, on `…/experts/{expertId}/presence` (retained). */
export const ExpertPresenceMessage = z.discriminatedUnion('type', [
  z.object({
    v,
    type: z.literal('online'),
    session: Session,
    skills: z.array(ExpertSkill).min(1).max(4),
    available: z.boolean(),
    at: z.iso.datetime(),
  }),
  /** The Last Will, or a clean sign-off. */
  z.object({ v, type: z.literal('offline'), session: Session }),
]);
export type ExpertPresenceMessage = z.infer<typeof ExpertPresenceMessage>;

/** server → screens, on `…/experts/availability` (retained). */
export const ExpertAvailabilityMessage = z.object({
  v,
  type: z.literal('expert-availability'),
  skills: SkillAvailability,
  at: z.iso.datetime(),
});
export type ExpertAvailabilityMessage = z.infer<typeof ExpertAvailabilityMessage>;

/**
 * POST /experts/me/presence-session: how this console connects to the broker.
 * The password is the console's own session token (not repeated here).
 */
export const ExpertPresenceGrant = z.object({
  v,
  /** null: the store server's own WebSocket endpoint (`/mqtt` on its origin). */
  url: z.string().min(1).nullable(),
  username: z.string().min(1).max(128),
  clientId: z.string().min(1).max(128),
  topic: z.string().min(1).max(256),
  session: Session,
  skills: z.array(ExpertSkill).min(1).max(4),
});
export type ExpertPresenceGrant = z.infer<typeof ExpertPresenceGrant>;
