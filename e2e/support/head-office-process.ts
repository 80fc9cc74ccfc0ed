// A real head-office process (head-office/src/main.ts), up once it says where it listens; its
// pino JSON lines are kept parsed for assertions. Killed with the test process, whatever happens.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './test-server';

export type HeadOfficeProcess = {
  child: ChildProcess;
  url: string;
  logs: Record<string, unknown>[];
  /** GET /healthz, parsed. */
  health: () => Promise<{ status: number; body: Record<string, unknown> }>;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

export function launchHeadOffice(args: string[]): Promise<HeadOfficeProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'head-office/src/main.ts'), ...args],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const logs: Record<string, unknown>[] = [];
  let pending = '';
  const kill = (signal: NodeJS.Signals = 'SIGKILL') =>
    new Promise<void>((resolve) => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('{')) logs.push(JSON.parse(line) as Record<string, unknown>);
        const running = /head office is running: (http:\/\/\S+?)\/?$/.exec(line);
        if (!running?.[1]) continue;
        const url = running[1];
        const health = async () => {
          const response = await fetch(`${url}/healthz`);
          return {
            status: response.status,
            body: (await response.json()) as Record<string, unknown>,
          };
        };
        resolve({ child, url, logs, health, kill });
      }
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`head office exited (${signal ?? code}) before it was up`)),
    );
  });
}
