// `npm run chain` as the README gives it: the command itself (no fixture), in a temporary chain
// directory and on free ports, so a developer's own `.chain` is never touched. Head office and
// every store answer their health checks; SIGTERM to the runner stops every process it started.
import { hqRoutes, routeUrl } from '@vitrine/shared/core';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEndpoints } from '../../head-office/src/chain/endpoints';
import { REPO_ROOT, waitFor } from '../support/test-server';

/** The command under "A chain of stores on one machine" in the README, without `npm install`. */
function readmeChainCommand(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const block = /## A chain of stores on one machine\s+```sh\n([^`]+)```/.exec(readme)?.[1];
  const commands = (block ?? '').split('&&').map((command) => command.trim());
  if (commands[0] !== 'npm install' || commands.length < 2)
    throw new Error(`README's chain command should be npm install && …: ${block}`);
  return commands.slice(1).join(' && ');
}

/** Pids of processes whose command line names `dir` (the chain's own servers all do). */
function processesUsing(dir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir);
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

const alive = (pid: number) =>
  existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

const base = mkdtempSync(join(tmpdir(), 'vitrine-chain-start-'));
chmodSync(base, 0o755); // PostgreSQL runs as user postgres
const dir = join(base, 'chain');
let output = '';
let child: ChildProcess | undefined;
let exited = Promise.resolve();
const running = () => !!child && child.exitCode === null && child.signalCode === null;

function startChainCommand(): void {
  child = spawn('sh', ['-c', readmeChainCommand()], {
    cwd: REPO_ROOT,
    detached: true,
    env: {
      ...process.env,
      VITRINE_CHAIN_DIR: dir,
      VITRINE_CHAIN_BASE_PORT: '0',
      VITRINE_DEMO_SCALE: '100', // a smaller catalogue: three stores seed at once on a shared machine
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started = child;
  exited = new Promise<void>((resolve) => started.once('exit', () => resolve()));
}

afterAll(async () => {
  // Whatever happened: the whole group (npm, sh, tsx, the runner and its children).
  if (child?.pid && running()) process.kill(-child.pid, 'SIGKILL');
  await exited;
  for (const pid of processesUsing(dir)) process.kill(pid, 'SIGKILL');
  rmSync(base, { recursive: true, force: true });
});

describe('npm run chain, as the README says', () => {
  it('starts head office and three stores, says where, and stops them all on SIGTERM', async () => {
    const started = Date.now();
    startChainCommand();
    const file = join(dir, 'endpoints.json');
    await waitFor(
      () => (existsSync(file) && output.includes('Ctrl-C stops the chain')) || !running(),
      'the chain printout',
      150_000,
    );
    if (!running()) throw new Error(`npm run chain stopped:\n${output}`);
    const chain = readEndpoints(file);
    console.log(`npm run chain: up in ${Date.now() - started} ms`);

    expect(chain.stores.map((store) => store.id)).toEqual([
      'paris-rivoli',
      'lyon-bellecour',
      'marseille-prado',
    ]);
    expect(output).toContain(chain.headOffice.url);
    expect(output).toContain(chain.headOffice.adminToken);
    expect(output).toContain(chain.headOffice.console);
    // The printed head-office user signs in.
    expect(output).toContain(`user ${chain.headOffice.user.id}, password`);
    const login = await fetch(routeUrl(chain.headOffice.url, hqRoutes.auth.login, {}), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        userId: chain.headOffice.user.id,
        password: chain.headOffice.user.password,
      }),
    });
    expect(login.status).toBe(200);
    const hqConsole = await fetch(chain.headOffice.console);
    expect(hqConsole.status).toBe(200);
    expect(await hqConsole.text()).toContain('<div id="root">');
    expect(output).toContain(chain.postgres.url);
    const hq = await fetch(chain.headOffice.health);
    expect(hq.status).toBe(200);
    expect(await hq.json()).toMatchObject({ ok: true, nats: 'up' });
    for (const store of chain.stores) {
      expect(output).toContain(store.signage);
      expect(output).toContain(store.kiosk);
      const health = await fetch(store.health);
      expect(health.status).toBe(200);
    }
    for (const node of chain.nats)
      expect((await fetch(`${node.monitorUrl}/healthz`)).status).toBe(200);

    const pids = [chain.pid, chain.headOffice.pid, ...chain.stores.map((store) => store.pid)];
    const servers = processesUsing(dir); // postgres, nats-server, head office, stores
    expect(servers.length).toBeGreaterThanOrEqual(8);
    const stopping = Date.now();
    process.kill(chain.pid, 'SIGTERM');
    await waitFor(() => !running(), 'npm run chain to end', 30_000);
    console.log(`npm run chain: stopped in ${Date.now() - stopping} ms`);
    expect(output).toContain('SIGTERM: stopping');
    expect([...pids, ...servers].filter(alive)).toEqual([]);
    expect(processesUsing(dir)).toEqual([]);
  }, 200_000);
});
