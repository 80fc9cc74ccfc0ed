// Campaigns as the player trusts them: read from the local copy, each checked
// against the pinned head-office key. A refused one (tampered, unsigned,
// invalid) never plays and is reported once.
import {
  TrustAnchor,
  parseUnknown,
  verifySignedCampaign,
  type Campaign,
  type ScreenProfileDoc,
} from '@vitrine/shared/core';
import type { DeviceDb } from '@vitrine/shared/client';

const ANCHOR_KEY = 'signage.trustAnchor';

/**
 * The head-office public key campaigns must be signed with. The shell's config
 * (`headOfficeKey`, set by the installer) is the root of trust when present:
 * it is pinned and wins over anything stored — a key rotation is a config
 * change. Without it, the first key a store server offers is pinned. Either
 * way, a store server that presents another key is reported and not believed.
 */
export async function loadTrustAnchor(
  db: DeviceDb,
  baseUrl: string,
  onFault: (kind: string, detail: string) => void,
  configured?: TrustAnchor,
): Promise<TrustAnchor | null> {
  const stored = parseUnknown(TrustAnchor, await db.getMeta(ANCHOR_KEY));
  let pinned = stored.ok ? stored.value : null;
  if (configured && configured.publicKey !== pinned?.publicKey) {
    await db.setMeta(ANCHOR_KEY, configured);
    pinned = configured;
  }
  const offered = await offeredAnchor(baseUrl);
  if (offered && !pinned) {
    await db.setMeta(ANCHOR_KEY, offered);
    return offered;
  }
  if (offered && pinned && offered.publicKey !== pinned.publicKey) {
    onFault(
      'trust-anchor-mismatch',
      `store server offers key ${offered.keyId}; trusted ${pinned.keyId}`,
    );
  }
  return pinned;
}

/** The key the store server presents, or null when it cannot be reached or makes no sense. */
async function offeredAnchor(baseUrl: string): Promise<TrustAnchor | null> {
  try {
    const response = await fetch(`${baseUrl}/api/v1/campaigns/trust-anchor`, { cache: 'no-store' });
    const offered = parseUnknown(TrustAnchor, await response.json());
    return offered.ok ? offered.value : null;
  } catch {
    return null; // Offline: the pinned key is all we need.
  }
}

export class CampaignSource {
  private readonly verified = new Map<string, Campaign | null>();
  private readonly reported = new Set<string>();
  refusedCount = 0;

  constructor(
    private readonly db: DeviceDb,
    private readonly anchor: TrustAnchor,
    private readonly onRefused: (campaignId: string, reason: string) => void,
  ) {}

  /** Every stored campaign that verifies; verification is cached per signature. */
  async load(): Promise<Campaign[]> {
    const stored = await this.db.campaigns.toArray();
    const good: Campaign[] = [];
    for (const envelope of stored) {
      const key = `${envelope.signature}:${envelope.payload}`;
      let campaign = this.verified.get(key);
      if (campaign === undefined) {
        const result = await verifySignedCampaign(envelope, this.anchor);
        campaign = result.ok ? result.value : null;
        this.verified.set(key, campaign);
        if (!result.ok && !this.reported.has(key)) {
          this.reported.add(key);
          this.refusedCount++;
          this.onRefused(envelope.id, result.error);
        }
      }
      if (campaign) good.push(campaign);
    }
    return good;
  }

  async profile(deviceId: string): Promise<ScreenProfileDoc | undefined> {
    return this.db.screens.get(deviceId);
  }
}
