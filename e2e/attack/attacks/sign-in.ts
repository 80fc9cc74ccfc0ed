// Finding 3: sign-in turned against the staff. An attacker locks the manager
// out from one address; unknown and known ids answer at different speeds;
// a flood of made-up ids grows the server's memory.
import { closeAddressAgents, signInFrom } from '../../support/from-address';
import { percentile } from '../../bench/stats';
import { rssMb, type Attack } from '../attack';

const ATTACKER = '127.0.0.1';
const REAL_USER = '127.0.0.2';
const DEMO_PASSWORD = 'vitrine-demo';

/** Runs `task` over `items`, `width` at a time. */
async function inBatches<T>(items: T[], width: number, task: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += width)
    await Promise.all(items.slice(i, i + width).map(task));
}

export const attacks: Attack[] = [
  {
    finding: '3 login',
    name: 'lock out a staff member: wrong passwords for the manager from one address',
    run: async ({ server, smoke }) => {
      const guesses = smoke ? 30 : 300;
      const statuses = new Map<number, number>();
      for (let i = 0; i < guesses; i++) {
        const { status } = await signInFrom(ATTACKER, server.url, 'manager', `guess-${i}`);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
      // Meanwhile the manager, on the tablet at another address, signs in.
      const real = await signInFrom(REAL_USER, server.url, 'manager', DEMO_PASSWORD);
      const again = await signInFrom(ATTACKER, server.url, 'manager', DEMO_PASSWORD);
      closeAddressAgents();
      const held = [...statuses].map(([status, count]) => `${count}×${status}`).join(', ');
      return {
        result: `attacker's ${guesses} guesses: ${held}; the manager from ${REAL_USER}: ${real.status}; the right password from the attacker's address: ${again.status}`,
        pass: real.status === 200 && again.status === 429 && !statuses.has(200),
        dataLost: 0,
      };
    },
  },
  {
    finding: '3 login',
    name: 'user enumeration by timing: unknown vs known user',
    run: async ({ server, smoke }) => {
      // 40 in the smoke: with 25, a loaded machine's noise alone once put the median gap 0.1 ms over.
      const samples = smoke ? 40 : 60;
      // One pair first, not counted: the first sign-in of a process pays for warming up.
      await signInFrom('127.0.3.9', server.url, 'nobody', 'wrong password');
      await signInFrom('127.0.3.9', server.url, 'manager', 'wrong password');
      const known: number[] = [];
      const unknown: number[] = [];
      const pairGaps: number[] = [];
      // Each sample from its own address, so no limit trips and both sides do full work.
      for (let i = 0; i < samples; i++) {
        const from = `127.0.3.${10 + i}`;
        const order =
          i % 2 ? (['manager', `nobody-${i}`] as const) : ([`nobody-${i}`, 'manager'] as const);
        const pair: Record<string, number> = {};
        for (const userId of order) {
          const { ms, status } = await signInFrom(from, server.url, userId, 'wrong password');
          // A refusal that only a known id gets (429: "locked") tells the name as well.
          if (status === 401) (userId === 'manager' ? known : unknown).push(ms);
          pair[userId === 'manager' ? 'known' : 'unknown'] = ms;
        }
        pairGaps.push((pair.known ?? 0) - (pair.unknown ?? 0));
      }
      closeAddressAgents();
      const knownMs = percentile(known, 50);
      const unknownMs = percentile(unknown, 50);
      // The gap within each back-to-back pair, then its median: a loaded machine's
      // drift over the run slows both sides of a pair alike, so it cancels out
      // (two medians taken apart let it in). What an attacker could learn is the same gap.
      const pairGap = percentile(pairGaps, 50);
      const gap = Math.abs(pairGap);
      return {
        result: `median ${knownMs.toFixed(1)} ms known vs ${unknownMs.toFixed(1)} ms unknown (median gap within a pair ${pairGap.toFixed(1)} ms); answered 401 to ${known.length}/${samples} known, ${unknown.length}/${samples} unknown`,
        pass:
          known.length === samples &&
          unknown.length === samples &&
          gap <= Math.max(4, 0.1 * knownMs),
        dataLost: 0,
      };
    },
  },
  {
    finding: '3 login',
    name: 'failed-login map growth: distinct made-up ids',
    run: async ({ server, smoke }) => {
      const ids = smoke ? 3_000 : 100_000;
      // RSS swings by tens of MB with garbage the server has not collected yet;
      // what the finding is about is growth that keeps up with the ids. So RSS
      // late in the flood must not exceed RSS early in it by much.
      const samples: number[] = [rssMb(server.pid)];
      const statuses = new Map<number, number>();
      const tenth = Math.ceil(ids / 10);
      for (let part = 0; part < 10; part++) {
        const userIds = Array.from(
          { length: tenth },
          (_, i) => `made-up-${part * tenth + i}-${'x'.repeat(40)}`,
        );
        await inBatches(userIds, 32, async (userId) => {
          const { status } = await signInFrom(ATTACKER, server.url, userId, 'wrong');
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        });
        samples.push(rssMb(server.pid));
      }
      closeAddressAgents();
      const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
      // Early (after 10-30 % of the ids) against late (the last 30 %).
      const growth = mean(samples.slice(-3)) - mean(samples.slice(1, 4));
      const answered = [...statuses].map(([status, count]) => `${count}×${status}`).join(', ');
      return {
        result: `${ids} ids (${answered}): RSS ${samples.map((mb) => mb.toFixed(0)).join(' → ')} MB; late vs early ${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MB`,
        // A smoke run's few thousand ids are all inside the heap's warm-up: too
        // few to tell retention from warm-up, so it only checks a loose bound.
        pass:
          !statuses.has(500) &&
          (smoke ? (samples.at(-1) ?? 0) - (samples[0] ?? 0) <= 80 : growth <= 25),
        dataLost: 0,
      };
    },
  },
];
