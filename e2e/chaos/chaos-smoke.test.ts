// The chaos run's smoke (npm run chaos runs every case): two short cases on the real chain —
// a store server killed -9 and restarted, one NATS node killed -9 and restarted — and after each,
// every screen holds the campaign head office published meanwhile and PostgreSQL every event
// the screens recorded, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAOS_CASES, SMOKE_CASES } from './cases';
import { startChaosChain, type ChaosChain } from './chaos-chain';
import { runCase } from './run-case';

let chain: ChaosChain;
const say = (line: string) => console.log(`[chaos smoke] ${line}`);

beforeAll(async () => {
  chain = await startChaosChain({ stores: 2, headOffices: 1, smallDisk: false, say });
}, 180_000);

afterAll(async () => {
  await chain?.stop();
}, 60_000);

describe('chaos smoke on the real chain', () => {
  for (const name of SMOKE_CASES) {
    it(`${name}: screens converge, every event stored once`, async () => {
      const chaosCase = CHAOS_CASES.find((c) => c.name === name)!;
      const result = await runCase(chain, { ...chaosCase, settleMs: 60_000 }, say);
      say(`${name}: ${JSON.stringify(result)}`);
      expect(result.converged, result.note).toBe(true);
      expect(result.generated).toBeGreaterThan(20);
      expect(result).toMatchObject({ lost: 0, doubled: 0, stored: result.generated });
    }, 120_000);
  }
});
