// A published campaign, or its withdrawal, as it travels (head office → store
// server → players): the canonical JSON text and an Ed25519 signature over its
// UTF-8 bytes. Its revision is inside the signed text (campaign-revision.ts).
// Verified with WebCrypto, which Node 20 and Chromium both provide, so store
// server and player run this very function.
import { z } from 'zod';
import { parseJson, parseUnknown, type Result } from '../parse';
import { Campaign } from './campaign';
import { CampaignWithdrawal, isWithdrawal, type SignedContent } from './campaign-revision';
import { canonicalJson, fromBase64Url } from './canonical';

export const SignedCampaign = z.object({
  id: z.string().min(1).max(64),
  /** Canonical JSON of the Campaign or CampaignWithdrawal (canonicalJson). */
  payload: z.string().min(2).max(1_000_000),
  /** Ed25519 signature of the payload's UTF-8 bytes, base64url. */
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'an Ed25519 signature in base64url'),
  /** Which head-office key signed it (its public key's SHA-256 prefix). */
  keyId: z.string().min(1).max(64),
});
export type SignedCampaign = z.infer<typeof SignedCampaign>;

/** A raw 32-byte Ed25519 public key, base64url: the players' trust anchor. */
export const TrustAnchor = z.object({
  keyId: z.string().min(1).max(64),
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a raw Ed25519 public key in base64url'),
});
export type TrustAnchor = z.infer<typeof TrustAnchor>;

/**
 * The one campaign a chain store signs with its own key: its emergency message. Its screens pin
 * that key beside head office's (`storeEmergency`), so a store cut off from head office can still
 * put "evacuate" on every screen, and a stolen store key can put nothing else there.
 */
export const STORE_EMERGENCY_ID = 'emergency-store';

/** What a store server offers its players to pin: head office's key, and a chain store's own. */
export const TrustAnchorOffer = TrustAnchor.extend({
  /** A chain store's own key, trusted only for its emergency message (STORE_EMERGENCY_ID). */
  storeEmergency: TrustAnchor.optional(),
});
export type TrustAnchorOffer = z.infer<typeof TrustAnchorOffer>;

const isStoreEmergency = (content: SignedContent) =>
  content.id === STORE_EMERGENCY_ID && (isWithdrawal(content) || content.emergency === true);

// Typed from the call so the file compiles with DOM types (players) and Node's (server).
type VerifyKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;
const keys = new Map<string, Promise<VerifyKey>>();

function importKey(publicKey: string): Promise<VerifyKey> {
  let key = keys.get(publicKey);
  if (!key) {
    key = crypto.subtle.importKey('raw', fromBase64Url(publicKey), { name: 'Ed25519' }, false, [
      'verify',
    ]);
    keys.set(publicKey, key);
  }
  return key;
}

/** A payload with a top-level `withdrawn` member is a withdrawal, anything else a campaign. */
function parseContent(payload: string): Result<SignedContent> {
  const json = parseJson(z.record(z.string(), z.unknown()), payload);
  if (!json.ok) return json;
  return 'withdrawn' in json.value
    ? parseUnknown(CampaignWithdrawal, json.value)
    : parseUnknown(Campaign, json.value);
}

/**
 * The campaign (or withdrawal) inside, only if the signature is good and the
 * content is valid. Whether its revision is newer is the holder's check. A
 * chain store's own key (`storeEmergency`) is good for its emergency message
 * and nothing else.
 */
export async function verifySignedCampaign(
  input: unknown,
  anchor: TrustAnchor,
  storeEmergency?: TrustAnchor,
): Promise<Result<SignedContent>> {
  const envelope = SignedCampaign.safeParse(input);
  if (!envelope.success) return { ok: false, error: 'unsigned or malformed campaign envelope' };
  const { payload, signature, keyId, id } = envelope.data;
  const byStore = keyId !== anchor.keyId && keyId === storeEmergency?.keyId;
  const key = byStore ? storeEmergency : anchor;
  if (keyId !== key.keyId) return { ok: false, error: `signed by an unknown key ${keyId}` };
  let good: boolean;
  try {
    good = await crypto.subtle.verify(
      { name: 'Ed25519' },
      await importKey(key.publicKey),
      fromBase64Url(signature),
      new TextEncoder().encode(payload),
    );
  } catch (error) {
    return { ok: false, error: `signature check failed: ${(error as Error).message}` };
  }
  if (!good) return { ok: false, error: 'bad signature: the campaign was altered or forged' };
  const campaign = parseContent(payload);
  if (!campaign.ok) return { ok: false, error: `signed but invalid: ${campaign.error}` };
  if (campaign.value.id !== id)
    return { ok: false, error: 'envelope id differs from the campaign' };
  if (canonicalJson(campaign.value) !== payload) {
    return { ok: false, error: 'payload is not in canonical form' };
  }
  if (byStore && !isStoreEmergency(campaign.value)) {
    return { ok: false, error: `the store's own key signs only its emergency message, not ${id}` };
  }
  return campaign;
}
