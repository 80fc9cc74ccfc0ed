// Processes we started must not outlive us: PostgreSQL's backends are not in the postmaster's
// process group (each calls setsid), so a crash we simulate, or our own exit, finds them in /proc.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** The parent pid and state of a process from /proc/<pid>/stat (its name may hold spaces). */
function statOf(pid: number): { ppid: number; state: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return state && ppid ? { ppid: Number(ppid), state } : undefined;
  } catch {
    return undefined;
  }
}

/** The pids of a process's children (PostgreSQL's backends and workers), read from /proc. */
export function childrenOf(pid: number): number[] {
  if (!existsSync('/proc')) return [];
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((candidate) => statOf(candidate)?.ppid === pid);
}

/** Alive and not a zombie (a zombie holds no memory, no port and no lock). */
export function isRunning(pid: number): boolean {
  const stat = statOf(pid);
  return stat !== undefined && stat.state !== 'Z' && stat.state !== 'X';
}

/** Sends a signal, ignoring a process that is already gone. */
export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // gone already
  }
}

/** Waits until none of these processes runs, or the deadline passes. */
export async function waitGone(pids: readonly number[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (pids.some(isRunning)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}
