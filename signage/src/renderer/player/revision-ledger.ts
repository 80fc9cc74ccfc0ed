// The highest signed revision this player has accepted per campaign id,
// withdrawals included. Kept in the device's meta, apart from the synced
// tables, so it survives a full resync (a store server restored from an older
// backup) and an older envelope arriving later (MQTT, a stale page) never plays.
import { z } from 'zod';
import { compareRevision, parseUnknown } from '@vitrine/shared/core';
import type { DeviceDb } from '@vitrine/shared/client';

const LEDGER_KEY = 'signage.campaignRevisions';
const Ledger = z.record(
  z.string(),
  z.object({ revision: z.number().int().positive(), signature: z.string() }),
);
type Ledger = z.infer<typeof Ledger>;

export class RevisionLedger {
  constructor(private readonly db: DeviceDb) {}

  async read(): Promise<Ledger> {
    const stored = parseUnknown(Ledger, await this.db.getMeta(LEDGER_KEY));
    return stored.ok ? stored.value : {};
  }

  /** Raises the held revisions; never lowers one, even if two loads overlap. */
  async raise(updates: Ledger): Promise<void> {
    if (Object.keys(updates).length === 0) return;
    await this.db.transaction('rw', this.db.meta, async () => {
      const ledger = await this.read();
      for (const [id, held] of Object.entries(updates)) {
        if (compareRevision(ledger[id], held) === 'newer') ledger[id] = held;
      }
      await this.db.setMeta(LEDGER_KEY, ledger);
    });
  }
}
