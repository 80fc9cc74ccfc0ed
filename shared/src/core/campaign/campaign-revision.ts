// A campaign's revision is head office's counter per campaign id, signed inside
// the payload: every publication and every withdrawal takes the next integer.
// A signature proves who, not when; the revision is the "when", so a holder
// (store server or player) keeps the highest one it accepted and refuses any
// envelope that is not newer — that is what defeats a replayed envelope.
import { z } from 'zod';
import { CAMPAIGN_VERSION, type Campaign } from './campaign';

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '1-64 of A-Z a-z 0-9 _ -');

/**
 * A withdrawal, signed like a campaign (a tombstone): the campaign leaves every
 * screen, and no revision up to this one may ever play again.
 */
export const CampaignWithdrawal = z.strictObject({
  v: z.literal(CAMPAIGN_VERSION),
  id: Id,
  revision: z.number().int().positive(),
  withdrawn: z.literal(true),
});
export type CampaignWithdrawal = z.infer<typeof CampaignWithdrawal>;

/** What a verified envelope carries: a campaign to play, or its withdrawal. */
export type SignedContent = Campaign | CampaignWithdrawal;

export function isWithdrawal(content: SignedContent): content is CampaignWithdrawal {
  return 'withdrawn' in content;
}

/** The revision a holder has accepted for one campaign id, and the signature it came with. */
export type HeldRevision = { revision: number; signature: string };

/**
 * `newer`: take it. `same`: the very envelope already held (Ed25519 signatures
 * are deterministic, so one payload has one signature). `stale`: a replay of an
 * older revision, or a second, different envelope claiming the held revision.
 */
export function compareRevision(
  held: HeldRevision | undefined,
  incoming: HeldRevision,
): 'newer' | 'same' | 'stale' {
  if (!held || incoming.revision > held.revision) return 'newer';
  if (incoming.revision === held.revision && incoming.signature === held.signature) return 'same';
  return 'stale';
}
