// The chaos cases (16-plan §7, issue 16 item 6), in the order `npm run chaos` runs them.
import { waitFor } from '../support/test-server';
import type { ChaosChain } from './chaos-chain';
import type { ChaosStore } from './chaos-store';
import { sendGeneratedBacklog } from './generated-backlog';
import type { ChaosCase } from './run-case';

const HOUR_MS = 60 * 60 * 1000;
/** A screen's proof of play every second, for an hour: per store. */
const HOUR_OF_EVENTS = 3_600;
const BACKLOG_100K = 100_000;

const firstStore = (chain: ChaosChain): ChaosStore => chain.stores[0]!;

const storeKill: ChaosCase = {
  name: 'store-kill',
  what: 'kill -9 of a store server, restarted 5 s later',
  faultMs: 5_000,
  settleMs: 90_000,
  inject: async (chain) => {
    const store = firstStore(chain);
    await store.kill();
    return { repair: () => store.restart() };
  },
};

function natsKill(count: 1 | 2): ChaosCase {
  return {
    name: `nats-kill-${count}`,
    what: `kill -9 of ${count} of the 3 NATS nodes, restarted 8 s later`,
    faultMs: 8_000,
    settleMs: 120_000,
    inject: async (chain) => {
      const nodes = chain.cluster.nodes.slice(0, count);
      await Promise.all(nodes.map((node) => node.kill('SIGKILL')));
      return {
        repair: async () => {
          await Promise.all(nodes.map((node) => node.start()));
        },
        note: () => `killed ${nodes.map((node) => node.name).join(', ')}`,
      };
    },
  };
}

const hqKill: ChaosCase = {
  name: 'hq-kill',
  what: 'kill -9 of the head-office process holding the background roles (not restarted)',
  faultMs: 2_000,
  settleMs: 90_000,
  inject: async (chain, _ledger, say) => {
    const held = await Promise.all(chain.headOffices.map((hq) => hq.roles()));
    const index = held[0]!.length >= held[1]!.length ? 0 : 1;
    const killed = chain.headOffices[index]!;
    const other = chain.headOffices[1 - index]!;
    const roles = held[index]!;
    await killed.kill();
    say(`  killed ${killed.name}, which held ${roles.join(', ') || 'no role'}`);
    const killedAt = performance.now();
    // Watched from the kill on: when the other process holds every role the killed one held.
    const moving = waitFor(
      async () => {
        const now = await other.roles();
        return roles.every((role) => now.includes(role)) ? performance.now() : undefined;
      },
      'roles moved',
      60_000,
    ).catch(() => undefined);
    return {
      // Nothing is repaired: the other process takes the roles over on its own.
      note: async () => {
        const movedAfter = await moving;
        const now = await other.roles();
        return movedAfter === undefined
          ? `${killed.name}'s roles (${roles.join(', ')}) NOT all moved: ${other.name} holds ${now.join(', ')}`
          : `${killed.name}'s roles (${roles.join(', ')}) held by ${other.name} ${((movedAfter - killedAt) / 1000).toFixed(1)} s after the kill`;
      },
      restore: () => killed.start(),
    };
  },
};

const postgresRestart: ChaosCase = {
  name: 'postgres-restart',
  what: 'PostgreSQL stopped (fast shutdown) and started again 8 s later',
  faultMs: 8_000,
  settleMs: 120_000,
  inject: async (chain) => {
    await chain.postgres.kill('SIGINT');
    return { repair: () => chain.postgres.start() };
  },
};

const hqOfflineHour: ChaosCase = {
  name: 'hq-offline-hour',
  what: `every store cut from head office (blackhole) while each records an hour of events (${HOUR_OF_EVENTS} generated, real at values), then healed`,
  faultMs: 15_000,
  settleMs: 180_000,
  inject: async (chain, ledger, say) => {
    for (const store of chain.stores) store.setLine('blackhole');
    const started = performance.now();
    await Promise.all(
      chain.stores.map((store, s) =>
        sendGeneratedBacklog(store, ledger, `${s}.hour`, HOUR_OF_EVENTS, HOUR_MS),
      ),
    );
    say(`  an hour of events at every store in ${Math.round(performance.now() - started)} ms`);
    return {
      repair: () => {
        for (const store of chain.stores) store.setLine('pass');
        return Promise.resolve();
      },
    };
  },
};

const storePartition: ChaosCase = {
  name: 'store-partition',
  what: 'one store partitioned from the NATS cluster (blackhole) for 20 s, then healed',
  faultMs: 20_000,
  settleMs: 90_000,
  inject: (chain) => {
    const store = firstStore(chain);
    store.setLine('blackhole');
    return Promise.resolve({
      repair: () => {
        store.setLine('pass');
        return Promise.resolve();
      },
    });
  },
};

const diskFull: ChaosCase = {
  name: 'disk-full',
  what: 'the disk of a store fills up to the last byte for 10 s, then is freed',
  faultMs: 10_000,
  settleMs: 120_000,
  cannotRun: (chain) =>
    chain.stores.some((store) => store.disk)
      ? undefined
      : `no store on a small disk (${chain.smallDiskRefused})`,
  inject: (chain) => {
    const store = chain.stores.find((candidate) => candidate.disk)!;
    const disk = store.disk!;
    disk.fill();
    const left = disk.freeBytes();
    return Promise.resolve({
      repair: () => {
        disk.free();
        return Promise.resolve();
      },
      note: () => `${store.id}: ${left} bytes left while full`,
    });
  },
};

const backlog100k: ChaosCase = {
  name: 'backlog-100k',
  what: `a store offline for "24 h": ${BACKLOG_100K} events queued, drain timed from the heal (target ≤ 60 s)`,
  faultMs: 1_000,
  settleMs: 300_000,
  inject: async (chain, ledger, say) => {
    const store = firstStore(chain);
    store.setLine('blackhole');
    const started = performance.now();
    await sendGeneratedBacklog(store, ledger, '0.day', BACKLOG_100K, 24 * HOUR_MS);
    const owed = store.owed();
    say(
      `  ${BACKLOG_100K} events in ${store.id} in ${Math.round(performance.now() - started)} ms; it owes head office ${owed}`,
    );
    return {
      repair: () => {
        store.setLine('pass');
        return Promise.resolve();
      },
      note: () => `${owed} events queued at the heal`,
    };
  },
};

export const CHAOS_CASES: readonly ChaosCase[] = [
  storeKill,
  natsKill(1),
  natsKill(2),
  hqKill,
  postgresRestart,
  hqOfflineHour,
  storePartition,
  diskFull,
  backlog100k,
];

/** The smoke in the suite: two short cases. */
export const SMOKE_CASES = ['store-kill', 'nats-kill-1'] as const;
