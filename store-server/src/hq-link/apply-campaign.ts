// A campaign from the link lands as one posted to the store today: verified against head
// office's key (core verifySignedCampaign), refused if it is not newer than the revision held,
// then held by the store's signed intake, whose sync doc the screens pull.
import {
  SignedCampaign,
  campaignMedia,
  compareRevision,
  isWithdrawal,
  verifySignedCampaign,
  type MediaRef,
  type Result,
  type SignedContent,
  type TrustAnchor,
} from '@vitrine/shared/core';
import type { HeldRevisions } from '../campaigns/held-revisions';
import type { SignedIntake } from '../campaigns/signed-intake';
import type { CommittedChange } from '../sync/doc-store';

export type CheckedCampaign = Result<{ content: SignedContent; envelope: SignedCampaign }>;

/**
 * Makes a campaign's media files present before the campaign is held (from the link's media
 * bucket, 16-plan §3.4). Resolves with an error when a file's size or SHA-256 is not the signed
 * one: the campaign is refused. Throws when it cannot fetch: nothing is acked, so it comes again.
 */
export type CampaignMediaFetch = (media: MediaRef[]) => Promise<Result<void>>;

/** The signature, content and media checks: they await, so they run before the transaction. */
export async function checkCampaign(
  input: unknown,
  anchor: TrustAnchor,
  fetchMedia?: CampaignMediaFetch,
): Promise<CheckedCampaign> {
  const verified = await verifySignedCampaign(input, anchor);
  if (!verified.ok) return verified;
  const content = verified.value;
  const media = isWithdrawal(content) ? [] : campaignMedia(content);
  if (fetchMedia && media.length > 0) {
    const fetched = await fetchMedia(media);
    if (!fetched.ok) return { ok: false, error: `campaign ${content.id}: ${fetched.error}` };
  }
  // verifySignedCampaign parsed the envelope: only its four fields are kept.
  return { ok: true, value: { content, envelope: SignedCampaign.parse(input) } };
}

/**
 * Inside the intake's transaction: holds a checked campaign, or says why not. The very envelope
 * held already (the same revision sent again, or in a snapshot) changes nothing and is no error.
 */
export function holdCampaign(
  checked: CheckedCampaign,
  parts: { intake: SignedIntake; held: HeldRevisions },
): Result<CommittedChange | undefined> {
  if (!checked.ok) return checked;
  const { content, envelope } = checked.value;
  const held = parts.held.get(content.id);
  const verdict = compareRevision(held, {
    revision: content.revision,
    signature: envelope.signature,
  });
  if (verdict === 'same') return { ok: true, value: undefined };
  if (held && verdict === 'stale') {
    return {
      ok: false,
      error: `campaign ${content.id} revision ${content.revision} is not newer than revision ${held.revision} held by this store: refused as a replay`,
    };
  }
  return { ok: true, value: parts.intake.hold(content, envelope, { notify: false }) };
}

/**
 * Inside the intake's transaction: holds the campaigns of a fresh snapshot (each checked before
 * it, all of them good: a snapshot with one bad campaign is refused whole before this). Head
 * office sends every campaign it ever published, the live ones for this store as they stand and
 * the others as signed tombstones, so what the store held from a revision it never received is
 * withdrawn too; a tombstone of a campaign it never held is no news and is not kept. One it
 * holds at a newer revision (an older snapshot, or the stream got there first) is left as it is.
 */
export function holdSnapshotCampaigns(
  checked: readonly CheckedCampaign[],
  parts: { intake: SignedIntake; held: HeldRevisions },
): CommittedChange[] {
  const changes: CommittedChange[] = [];
  for (const one of checked) {
    if (!one.ok) throw new Error('a snapshot campaign reached the transaction unchecked');
    const { content, envelope } = one.value;
    const held = parts.held.get(content.id);
    const verdict = compareRevision(held, {
      revision: content.revision,
      signature: envelope.signature,
    });
    if (verdict === 'same' || (held && verdict === 'stale')) continue;
    if (!held && isWithdrawal(content)) continue;
    changes.push(parts.intake.hold(content, envelope, { notify: false }));
  }
  return changes;
}
