// The processes a chain test runs besides head office: the enrolment CLI and a chain store
// server, each with its output kept (pino's JSON lines parsed) so a test can read its log.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort, TEST_ADMIN_TOKEN } from '../support/server-process';
import { REPO_ROOT } from '../support/test-server';

export type LoggedProcess = {
  child: ChildProcess;
  /** Every line of standard output, as written. */
  lines: string[];
  /** The JSON lines, parsed. */
  logs: Record<string, unknown>[];
  exited: Promise<number | null>;
  kill: () => Promise<void>;
};

function logged(command: string, args: string[]): LoggedProcess {
  const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const lines: string[] = [];
  const logs: Record<string, unknown>[] = [];
  let pending = '';
  const take = (chunk: Buffer) => {
    pending += chunk.toString();
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) {
      lines.push(line);
      if (line.startsWith('{')) logs.push(JSON.parse(line) as Record<string, unknown>);
    }
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      process.off('exit', killOnExit);
      resolve(code);
    }),
  );
  return {
    child,
    lines,
    logs,
    exited,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** `npm run hq-enrol -- …`, the README's own command; resolves with its exit code and output. */
export async function runEnrolCli(args: {
  hq: string;
  code: string;
  store: string;
  data: string;
}): Promise<{ code: number | null; output: string }> {
  const run = logged('npm', [
    'run',
    '-s',
    'hq-enrol',
    '--',
    ...['--hq', args.hq, '--code', args.code, '--store', args.store, '--data', args.data],
  ]);
  const code = await run.exited;
  return { code, output: run.lines.join('\n') };
}

/** A store server of the chain (`--hq-link`), on free ports, its log at info. */
export async function launchChainStore(storeId: string, dataDir: string, hqLinkFile: string) {
  const ports = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  return logged(process.execPath, [
    '--import',
    'tsx',
    join(REPO_ROOT, 'store-server/src/main.ts'),
    ...['--store', storeId, '--host', '127.0.0.1', '--data', dataDir],
    ...['--port', String(ports[0]), '--mqtt-port', String(ports[1])],
    ...['--https-port', String(ports[2]), '--mqtts-port', String(ports[3])],
    ...['--admin-token', TEST_ADMIN_TOKEN, '--log-level', 'info', '--hq-link', hqLinkFile],
  ]);
}
