// What one attack is, and what the runner gives it. Each attack lives in
// attacks/<finding>.ts and exports `attacks: Attack[]`; run.ts lists them.
import { readFileSync } from 'node:fs';
import {
  ServerExitedError,
  freePort,
  spawnServer,
  type ServerProcess,
} from '../support/server-process';
import { freshDataDir } from '../support/test-server';

export type AttackOutcome = {
  /** What happened, in a few words: "100/100 closed in 1.2 s", "0 of 20 replays accepted". */
  result: string;
  /** False when the server gave in: the runner then exits 1. */
  pass: boolean;
  /** Acknowledged writes lost (0 when the attack writes nothing). */
  dataLost: number;
};

export type AttackContext = {
  /** A demo store server of its own for this attack (a separate process). */
  server: ServerProcess & { pid: number; dataDir: string; httpPort: number; mqttPort: number };
  /** Short runs for `npm test`; the full counts for `npm run attack`. */
  smoke: boolean;
  /** Starts another server process (its own data directory unless given), stopped after the attack. */
  spawn: (options?: { dataDir?: string; extraArgs?: string[] }) => Promise<AttackContext['server']>;
};

export type Attack = {
  /** The finding in issue 12 it reproduces: "1 memory", "2 replay", … */
  finding: string;
  name: string;
  /** Extra flags for ctx.server (e.g. `--plain off`), instead of spawning a second server. */
  serverArgs?: string[];
  run: (context: AttackContext) => Promise<AttackOutcome>;
};

/** Resident memory of a process, in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 102.4) / 10;
}

export async function spawnAttackServer(options: {
  dataDir?: string;
  extraArgs?: string[];
}): Promise<AttackContext['server']> {
  const dataDir = options.dataDir ?? freshDataDir('vitrine-attack');
  // Free ports are only free when asked: another test may take one before the
  // server binds it. Such a start dies at once and is tried again on new ports.
  for (let attempt = 1; ; attempt++) {
    const httpPort = await freePort();
    const mqttPort = await freePort();
    try {
      const server = await spawnServer({
        dataDir,
        httpPort,
        mqttPort,
        extraArgs: options.extraArgs,
      });
      const pid = server.child.pid;
      if (pid === undefined) throw new Error('the server process has no pid');
      return Object.assign(server, { pid, dataDir, httpPort, mqttPort });
    } catch (error) {
      if (!(error instanceof ServerExitedError) || attempt === 3) throw error;
    }
  }
}

/** Samples a process's RSS every 100 ms; `stop` answers how far it rose above `before`, in MB. */
export function watchRssGrowth(pid: number): { before: number; stop: () => number } {
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 100);
  return {
    before,
    stop: () => {
      clearInterval(sampler);
      return Math.round(Math.max(peak, rssMb(pid)) - before);
    },
  };
}
