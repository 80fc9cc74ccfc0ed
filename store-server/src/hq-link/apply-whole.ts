// One whole change from head office (a message, or every chunk of one), applied inside the
// intake's transaction. Either it all lands, as one atomic batch devices apply together, or it
// is refused before anything is written.
import type {
  CheckpointKey,
  HqChainMessage,
  HqStoreMessage,
  LinkDoc,
  Result,
  StoreSnapshotChunk,
} from '@vitrine/shared/core';
import type { HeldRevisions } from '../campaigns/held-revisions';
import type { SignedIntake } from '../campaigns/signed-intake';
import type { LocalPrices } from '../catalogue/local-prices';
import type { Db } from '../db/database';
import type { CommittedChange, DocStore, DocWrite } from '../sync/doc-store';
import { holdCampaign, holdSnapshotCampaigns, type CheckedCampaign } from './apply-campaign';
import { catalogueWrites } from './apply-catalogue';
import { priceWrites } from './apply-prices';
import { replaceNeighbours, settingsWrite } from './apply-settings';
import { snapshotWrites } from './apply-snapshot';
import { stockWrites } from './apply-stock';

export type LinkMessage = HqChainMessage | HqStoreMessage;

/** What the intake checked before its transaction: a campaign's signature, a snapshot's chain part. */
export type Checked = {
  campaign?: CheckedCampaign;
  /** The chain's documents a snapshot names, read and checked (absent: it names none). */
  snapshot?: Result<LinkDoc[]>;
  /** Every campaign of a snapshot's chunks, checked (signature, media) in order. */
  snapshotCampaigns?: CheckedCampaign[];
};

export type IntakeParts = {
  db: Db;
  docs: DocStore;
  storeId: string;
  localPrices: LocalPrices;
  intake: SignedIntake;
  held: HeldRevisions;
};

/** Messages of one type, the chunks of one change in order (the intake checked both). */
type Of<T extends LinkMessage['type']> = Extract<LinkMessage, { type: T }>;
const ofType = <T extends LinkMessage['type']>(messages: readonly LinkMessage[], type: T) =>
  messages.filter((message): message is Of<T> => message.type === type);

const written = (change: CommittedChange): Result<CommittedChange[]> => ({
  ok: true,
  value: [change],
});

export function applyWhole(
  parts: IntakeParts,
  key: CheckpointKey,
  messages: readonly LinkMessage[],
  checked: Checked,
): Result<CommittedChange[]> {
  const last = messages.at(-1);
  if (!last) return { ok: true, value: [] };
  // Devices apply a batch all together (sync_batches), as after an import.
  const write = (writes: DocWrite[]) =>
    written(parts.docs.write(writes, { atomic: true, notify: false }));
  switch (last.type) {
    case 'catalogue':
      return write(
        catalogueWrites(
          parts,
          ofType(messages, 'catalogue').flatMap((m) => m.docs),
        ),
      );
    case 'prices':
      return write(
        priceWrites(
          parts,
          ofType(messages, 'prices').flatMap((m) => m.prices),
        ),
      );
    case 'campaign': {
      if (!checked.campaign) throw new Error('a campaign reached the intake unchecked');
      const held = holdCampaign(checked.campaign, parts);
      if (!held.ok) return held;
      return { ok: true, value: held.value ? [held.value] : [] };
    }
    case 'settings':
      return write(settingsWrite(parts, key, last.settings));
    case 'neighbours':
      replaceNeighbours(parts.db, last.neighbours);
      return { ok: true, value: [] };
    case 'stock':
      return write(
        stockWrites(
          parts,
          ofType(messages, 'stock').flatMap((m) => m.lines),
        ),
      );
    case 'snapshot': {
      // A store's snapshot comes on its own subject; the chain's part is in the bucket it names.
      if (key === 'chain')
        return { ok: false, error: "a snapshot on the chain's subject: snapshots come per store" };
      if (checked.snapshot && !checked.snapshot.ok) return checked.snapshot;
      const campaigns = checked.snapshotCampaigns ?? [];
      const bad = campaigns.find((campaign) => !campaign.ok);
      if (bad && !bad.ok) return { ok: false, error: `a campaign of the snapshot: ${bad.error}` };
      const chunks = messages.filter(
        (message): message is StoreSnapshotChunk => message.type === 'snapshot',
      );
      const catalogue = parts.docs.write(snapshotWrites(parts, chunks, checked.snapshot?.value), {
        atomic: true,
        notify: false,
      });
      return { ok: true, value: [catalogue, ...holdSnapshotCampaigns(campaigns, parts)] };
    }
  }
}
