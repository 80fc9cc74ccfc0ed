// Servers we run (nats-server, later postgres) are our own children, never started through a
// shell or daemon that exits: orphans of those showed up here as <defunct> until PID 1 reaped
// them. Two guards keep a killed or aborted run from leaving servers behind:
// - a process 'exit' hook SIGKILLs every child still alive (a normal exit, an uncaught error);
// - where util-linux's `setpriv` exists, the child is exec'ed through it with a parent-death
//   signal, so the kernel kills it even when this process is SIGKILLed. setpriv execs the
//   server in place: the pid we hold is the server's own. (The kernel ties the signal to the
//   thread that spawned: servers started from a worker_thread die with that thread.)
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';

const SETPRIV_CANDIDATES = ['/usr/bin/setpriv', '/bin/setpriv'];
const setpriv = SETPRIV_CANDIDATES.find((path) => existsSync(path));

const alive = new Set<ChildProcess>();
let hookInstalled = false;

function killAllOnExit(): void {
  for (const child of alive) {
    try {
      child.kill('SIGKILL');
    } catch {
      // Already gone: nothing to do.
    }
  }
}

/** Spawns `command` as a child of this process that cannot outlive it. */
export function spawnOwnChild(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): ChildProcess {
  if (!hookInstalled) {
    process.once('exit', killAllOnExit);
    hookInstalled = true;
  }
  const child = setpriv
    ? spawn(setpriv, ['--pdeathsig', 'KILL', '--', command, ...args], options)
    : spawn(command, args, options);
  alive.add(child);
  child.once('exit', () => alive.delete(child));
  // A spawn failure (ENOENT…) is reported through 'exit'/'error'; never crash the parent.
  child.once('error', () => alive.delete(child));
  return child;
}

/** Resolves when the child has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
}
