// One chaos case on the running chain: events flow from every screen, the fault goes in, head
// office publishes a campaign meanwhile, the fault is repaired, and the chain is given time to
// converge; then PostgreSQL is counted. Recovery is timed from the repair (or from the fault
// itself when nothing is repaired, e.g. a head-office process that stays dead).
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { chainCampaign, publishChainCampaign } from '../../head-office/src/chain/chain-campaign';
import type { ChaosChain } from './chaos-chain';
import { tally, waitConverged, type Progress, type Published, type Tally } from './converge';
import { newLedger, startEventFlow, type Ledger } from './event-flow';

type Fault = {
  /** Takes the fault away (restart, heal); absent when the chain must cope on its own. */
  repair?: () => Promise<void>;
  /** Puts the chain back as it was for the next case, after the count (not timed). */
  restore?: () => Promise<void>;
  /** What the case saw, for the table's note. */
  note?: () => Promise<string> | string;
};

export type ChaosCase = {
  name: string;
  what: string;
  /** How long events keep flowing with the fault in. */
  faultMs: number;
  /** The longest the chain may take to converge after the repair. */
  settleMs: number;
  /** Why the case cannot run on this chain, if it cannot. */
  cannotRun?: (chain: ChaosChain) => string | undefined;
  inject: (chain: ChaosChain, ledger: Ledger, say: (line: string) => void) => Promise<Fault>;
};

export type CaseResult = Tally & {
  case: string;
  recoverySeconds: number | null;
  converged: boolean;
  note: string;
  load: number;
};

const FLOW_AFTER_REPAIR_MS = 2_000;
const PUBLISH_DEADLINE_MS = 120_000;

/** Publishes at head office, again and again while its database does not answer. */
async function publishDuringFault(chain: ChaosChain, text: string): Promise<Published> {
  const deadline = Date.now() + PUBLISH_DEADLINE_MS;
  for (;;) {
    try {
      return await publishChainCampaign(chain.databaseUrl, chain.hqDataDir, chainCampaign(text));
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(1_000);
    }
  }
}

const describeProgress = (progress: Progress) =>
  `screens ${progress.screensHolding}/${progress.screens} hold it · owed by screens ` +
  `${progress.owedByScreens}, by stores ${progress.owedByStores} · in PostgreSQL ` +
  `${progress.inPg}/${progress.generated}`;

export async function runCase(
  chain: ChaosChain,
  chaosCase: ChaosCase,
  say: (line: string) => void,
): Promise<CaseResult> {
  const ledger = newLedger(chaosCase.name);
  const base = { case: chaosCase.name, load: loadavg()[0] ?? 0 };
  const refused = chaosCase.cannotRun?.(chain);
  if (refused)
    return {
      ...base,
      generated: 0,
      stored: 0,
      lost: 0,
      doubled: 0,
      recoverySeconds: null,
      converged: false,
      note: `not run: ${refused}`,
    };

  const flow = startEventFlow(chain.stores, ledger);
  let published: Published;
  let repairAt: number;
  let fault: Fault;
  try {
    await sleep(1_000);
    say(`${chaosCase.name}: ${chaosCase.what}`);
    const faultAt = performance.now();
    fault = await chaosCase.inject(chain, ledger, say);
    const publishing = publishDuringFault(
      chain,
      `Chaos: ${chaosCase.name} at ${new Date().toISOString()}`,
    );
    publishing.catch(() => undefined);
    await sleep(chaosCase.faultMs);
    repairAt = fault.repair ? performance.now() : faultAt;
    if (fault.repair) {
      say(`${chaosCase.name}: repairing`);
      await fault.repair();
    }
    await sleep(FLOW_AFTER_REPAIR_MS);
    await flow.stop();
    published = await publishing;
  } finally {
    await flow.stop();
  }
  say(`${chaosCase.name}: published ${published.id} r${published.revision}; converging`);
  let lastSaid = 0;
  const converged = await waitConverged(
    chain,
    ledger,
    published,
    chaosCase.settleMs,
    (progress) => {
      if (performance.now() - lastSaid < 3_000) return;
      lastSaid = performance.now();
      say(`  ${chaosCase.name}: ${describeProgress(progress)}`);
    },
  );
  const recoverySeconds = converged ? (performance.now() - repairAt) / 1000 : null;
  const counted = await tally(chain.pool, ledger);
  const failed = flow.failures() ? ` ${flow.failures()} record calls failed at the screens.` : '';
  const note = `${(await fault.note?.()) ?? ''}${failed}`;
  if (fault.restore) await fault.restore();
  return { ...base, ...counted, recoverySeconds, converged, note, load: loadavg()[0] ?? 0 };
}
