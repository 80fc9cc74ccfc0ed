// Asking nats-server nodes on this host to re-read their config: SIGHUP to the pid each one
// writes to its pid file. (Nodes on other hosts: operations.md, a command per host.)
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** The reload, by pid files; a node that is down is skipped (it reads the file when it starts). */
export function reloadByPidFiles(pidFiles: readonly string[], settleMs = 300) {
  return async () => {
    const signalled = await Promise.all(
      pidFiles.map(async (file) => {
        const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
        if (!Number.isInteger(pid) || pid <= 0) return false;
        try {
          process.kill(pid, 'SIGHUP');
          return true;
        } catch {
          return false;
        }
      }),
    );
    if (!signalled.some(Boolean))
      throw new Error(`no nats-server answered at ${pidFiles.join(', ')}`);
    // A node reloads within milliseconds of the signal; nothing tells a stranger when it is done.
    await sleep(settleMs);
  };
}
