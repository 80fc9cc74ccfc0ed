// Campaigns as the player trusts them: read from the local copy, each checked
// against the pinned head-office key and against the highest revision this
// player already accepted (revision-ledger.ts). A refused one (tampered,
// unsigned, invalid, or an older revision replayed) never plays and is
// reported once; a signed withdrawal (tombstone) plays nothing.
import {
  TrustAnchor,
  apiRoutes,
  callRoute,
  compareRevision,
  isWithdrawal,
  parseUnknown,
  verifySignedCampaign,
  type Campaign,
  type HeldRevision,
  type ScreenProfileDoc,
  type SignedCampaign,
  type SignedContent,
  type TrustAnchorOffer,
} from '@vitrine/shared/core';
import type { DeviceDb } from '@vitrine/shared/client';
import { RevisionLedger } from './revision-ledger';

const ANCHOR_KEY = 'signage.trustAnchor';
const STORE_EMERGENCY_KEY = 'signage.storeEmergencyAnchor';

/**
 * The head-office public key campaigns must be signed with. The shell's config
 * (`headOfficeKey`, set by the installer) is the root of trust when present:
 * it is pinned and wins over anything stored — a key rotation is a config
 * change. Without it, the first key a store server offers is pinned. Either
 * way, a store server that presents another key is reported and not believed.
 * A chain store's own key (`storeEmergency`, good for its emergency message
 * only) is pinned the same way, on first offer.
 */
export async function loadTrustAnchor(
  db: DeviceDb,
  baseUrl: string,
  onFault: (kind: string, detail: string) => void,
  configured?: TrustAnchor,
): Promise<TrustAnchorOffer | null> {
  const offered = await offeredAnchor(baseUrl);
  const pinned = await pin(db, ANCHOR_KEY, offered, onFault, configured);
  const storeEmergency = await pin(db, STORE_EMERGENCY_KEY, offered?.storeEmergency, onFault);
  return pinned && { ...pinned, ...(storeEmergency && { storeEmergency }) };
}

/** The key stored under `metaKey`, pinned from `configured` or else from the first offer. */
async function pin(
  db: DeviceDb,
  metaKey: string,
  offered: TrustAnchor | null | undefined,
  onFault: (kind: string, detail: string) => void,
  configured?: TrustAnchor,
): Promise<TrustAnchor | null> {
  const stored = parseUnknown(TrustAnchor, await db.getMeta(metaKey));
  let pinned = stored.ok ? stored.value : null;
  if (configured && configured.publicKey !== pinned?.publicKey) {
    await db.setMeta(metaKey, configured);
    pinned = configured;
  }
  if (offered && !pinned) {
    const first = { keyId: offered.keyId, publicKey: offered.publicKey };
    await db.setMeta(metaKey, first);
    return first;
  }
  if (offered && pinned && offered.publicKey !== pinned.publicKey) {
    onFault(
      'trust-anchor-mismatch',
      `store server offers key ${offered.keyId}; trusted ${pinned.keyId}`,
    );
  }
  return pinned;
}

/** The keys the store server presents, or null when it cannot be reached or makes no sense. */
async function offeredAnchor(baseUrl: string): Promise<TrustAnchorOffer | null> {
  try {
    return await callRoute({ baseUrl }, apiRoutes.campaigns.trustAnchor, {}, { cache: 'no-store' });
  } catch {
    return null; // Offline: the pinned key is all we need.
  }
}

export class CampaignSource {
  private readonly verified = new Map<string, SignedContent | null>();
  private readonly reported = new Set<string>();
  private readonly ledger: RevisionLedger;
  /** Loads run one at a time, so the ledger is read after the previous load raised it. */
  private loading: Promise<unknown> = Promise.resolve();
  refusedCount = 0;

  constructor(
    private readonly db: DeviceDb,
    private readonly anchor: TrustAnchorOffer,
    private readonly onRefused: (campaignId: string, reason: string, kind: RefusalKind) => void,
  ) {
    this.ledger = new RevisionLedger(db);
  }

  /** Every stored campaign that verifies and is not older than one already accepted. */
  load(): Promise<Campaign[]> {
    const next = this.loading.then(
      () => this.loadNow(),
      () => this.loadNow(),
    );
    this.loading = next;
    return next;
  }

  private async loadNow(): Promise<Campaign[]> {
    const stored = await this.db.campaigns.toArray();
    const ledger = await this.ledger.read();
    const raised: Record<string, HeldRevision> = {};
    const good: Campaign[] = [];
    for (const envelope of stored) {
      const key = `${envelope.signature}:${envelope.payload}`;
      const content = await this.verify(key, envelope);
      if (!content) continue;
      const incoming = { revision: content.revision, signature: envelope.signature };
      const held = raised[content.id] ?? ledger[content.id];
      const verdict = compareRevision(held, incoming);
      if (held && verdict === 'stale') {
        const reason = `revision ${content.revision} is not newer than revision ${held.revision} already accepted`;
        this.refuse(key, content.id, reason, 'campaign-replay');
        continue;
      }
      // Only a newer revision is written: a steady screen reloads without writing.
      if (verdict === 'newer') raised[content.id] = incoming;
      if (!isWithdrawal(content)) good.push(content);
    }
    await this.ledger.raise(raised);
    return good;
  }

  /** Signature and content, checked once per envelope. */
  private async verify(key: string, envelope: SignedCampaign): Promise<SignedContent | null> {
    let content = this.verified.get(key);
    if (content === undefined) {
      const result = await verifySignedCampaign(envelope, this.anchor, this.anchor.storeEmergency);
      content = result.ok ? result.value : null;
      this.verified.set(key, content);
      if (!result.ok) this.refuse(key, envelope.id, result.error, 'campaign-refused');
    }
    return content;
  }

  private refuse(key: string, campaignId: string, reason: string, kind: RefusalKind): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.refusedCount++;
    this.onRefused(campaignId, reason, kind);
  }

  async profile(deviceId: string): Promise<ScreenProfileDoc | undefined> {
    return this.db.screens.get(deviceId);
  }
}

/** Which fault the player reports: bad content, or a replayed older revision. */
export type RefusalKind = 'campaign-refused' | 'campaign-replay';
