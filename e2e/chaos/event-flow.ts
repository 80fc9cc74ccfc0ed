// Device events flowing in through the stores' real ingestion path while a case runs: every
// screen records proof-of-play through its own outbox (Dexie, MQTT, store acks), as a player
// does. Each event names its case and a sequence of ours in `playId`, so what reaches
// PostgreSQL can be counted, and its copies found, without relying on any key.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChaosStore } from './chaos-store';

/** Every event generated in one case, by its playId. */
export type Ledger = { caseName: string; playIds: Set<string> };

export const newLedger = (caseName: string): Ledger => ({ caseName, playIds: new Set() });

/** `<case>/<store>.<screen>/<n>`: unique in a run, at most 64 characters (the payload's Id). */
export const playIdOf = (caseName: string, source: string, n: number) =>
  `${caseName}/${source}/${n}`;

export type EventFlow = {
  /** Stops recording; resolves once the last record call returned. Idempotent. */
  stop: () => Promise<void>;
  /** Record calls that threw (a screen's own database failing): none expected. */
  failures: () => number;
};

/** Each screen of each store records one event every `everyMs` until stopped. */
export function startEventFlow(stores: ChaosStore[], ledger: Ledger, everyMs = 200): EventFlow {
  let running = true;
  let failures = 0;
  const loops = stores.flatMap((store, s) =>
    store.devices.map(async (device, d) => {
      for (let n = 1; running; n++) {
        const playId = playIdOf(ledger.caseName, `${s}.${d}`, n);
        try {
          await device.outbox.record({
            kind: 'proof-of-play',
            payload: { campaignId: 'chaos', itemId: 'flow', playId, phase: 'start' },
          });
          ledger.playIds.add(playId);
        } catch {
          failures++;
        }
        await sleep(everyMs);
      }
    }),
  );
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
    failures: () => failures,
  };
}
