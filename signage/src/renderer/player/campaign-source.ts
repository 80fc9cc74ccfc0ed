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
 * The head-office public key, pinned on first contact (or provided by the
 * shell's config): a store server that later presents another key is refused.
 */
export async function loadTrustAnchor(
  db: DeviceDb,
  baseUrl: string,
  onFault: (kind: string, detail: string) => void,
): Promise<TrustAnchor | null> {
  const pinned = parseUnknown(TrustAnchor, await db.getMeta(ANCHOR_KEY));
  try {
    const response = await fetch(`${baseUrl}/api/v1/campaigns/trust-anchor`, { cache: 'no-store' });
    const offered = parseUnknown(TrustAnchor, await response.json());
    if (offered.ok && !pinned.ok) {
      await db.setMeta(ANCHOR_KEY, offered.value);
      return offered.value;
    }
    if (offered.ok && pinned.ok && offered.value.publicKey !== pinned.value.publicKey) {
      onFault(
        'trust-anchor-mismatch',
        `store server offers key ${offered.value.keyId}; pinned ${pinned.value.keyId}`,
      );
    }
  } catch {
    // Offline: the pinned key is all we need.
  }
  return pinned.ok ? pinned.value : null;
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
