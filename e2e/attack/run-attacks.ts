// Runs attacks, each against a fresh store server process, and measures the
// server's resident memory before and after. Used by `npm run attack` and by
// the smoke test.
import { rssMb, spawnAttackServer, type Attack, type AttackContext } from './attack';

export type AttackRow = {
  finding: string;
  attack: string;
  result: string;
  rssBeforeMb: number;
  rssAfterMb: number;
  dataLost: number;
  pass: boolean;
  seconds: number;
};

export async function runAttacks(
  attacks: readonly Attack[],
  options: { smoke: boolean; onRow?: (row: AttackRow) => void },
): Promise<AttackRow[]> {
  const rows: AttackRow[] = [];
  for (const attack of attacks) {
    const extra: AttackContext['server'][] = [];
    const server = await spawnAttackServer({ extraArgs: attack.serverArgs });
    const started = performance.now();
    const rssBeforeMb = rssMb(server.pid);
    let row: AttackRow;
    try {
      const outcome = await attack.run({
        server,
        smoke: options.smoke,
        spawn: async (spawnOptions = {}) => {
          const another = await spawnAttackServer(spawnOptions);
          extra.push(another);
          return another;
        },
      });
      const alive = server.child.exitCode === null && server.child.signalCode === null;
      row = {
        finding: attack.finding,
        attack: attack.name,
        result: outcome.result,
        rssBeforeMb,
        rssAfterMb: alive ? rssMb(server.pid) : Number.NaN,
        dataLost: outcome.dataLost,
        pass: outcome.pass,
        seconds: Math.round((performance.now() - started) / 100) / 10,
      };
    } catch (error) {
      row = {
        finding: attack.finding,
        attack: attack.name,
        result: `the attack itself failed: ${(error as Error).message}`,
        rssBeforeMb,
        rssAfterMb: Number.NaN,
        dataLost: Number.NaN,
        pass: false,
        seconds: Math.round((performance.now() - started) / 100) / 10,
      };
    } finally {
      for (const another of extra) await another.kill('SIGTERM');
      await server.kill('SIGTERM');
    }
    rows.push(row);
    options.onRow?.(row);
  }
  return rows;
}
