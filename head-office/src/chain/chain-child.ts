// A node process of the chain (head office, a store server), our own child: its output goes to
// a log file and is kept for the runner to read. Spawned as an own child (local/own-child.ts):
// it dies with the runner, even a SIGKILLed one.
import type { ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { spawnOwnChild } from '../local/own-child';

export type ChainChild = {
  name: string;
  child: ChildProcess;
  pid: number;
  logFile: string;
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
  running: () => boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop: (graceMs?: number) => Promise<void>;
};

export function spawnChainChild(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; logFile: string; env?: NodeJS.ProcessEnv },
): ChainChild {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawnOwnChild(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`${name} did not start (${command})`);
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    log.write(chunk);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      log.end();
      resolve();
    }),
  );
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    name,
    child,
    pid: child.pid,
    logFile: options.logFile,
    output: () => output,
    running,
    stop: async (graceMs = 10_000) => {
      if (!running()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resolves with `pattern`'s first match in the child's output; throws if it exits first. */
export async function waitForOutput(
  child: ChainChild,
  pattern: RegExp,
  timeoutMs: number,
): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(child.output());
    if (match) return match;
    if (!child.running())
      throw new Error(
        `${child.name} exited (${child.child.signalCode ?? child.child.exitCode}) before it was up; see ${child.logFile}:\n${tail(child)}`,
      );
    if (Date.now() > deadline)
      throw new Error(`${child.name} not up after ${timeoutMs} ms; see ${child.logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const tail = (child: ChainChild) => child.output().trimEnd().split('\n').slice(-15).join('\n');
