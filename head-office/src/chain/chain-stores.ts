// The chain's store servers: each enrolled at head office through the real CLI
// (`npm run hq-enrol`) once, then started as a demo store with `--hq-link`, on its own ports
// and data directory under `.chain/stores/<id>`.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { apiRoutes, parseJson, routeUrl } from '@vitrine/shared/core';
import { spawnChainChild, waitForOutput, type ChainChild } from './chain-child';
import type { ChainHeadOffice } from './chain-head-office';
import type { PortPicker } from './chain-ports';
import type { DemoChainStore } from './demo-stores';
import type { ChainStoreEndpoints } from './endpoints';

const run = promisify(execFile);
const ENROL_ATTEMPTS = 3;

export type ChainStore = { process: ChainChild; endpoints: ChainStoreEndpoints };

/** Only what the runner changes in the store's hq-link.json; the rest is kept as written. */
const LinkUrls = z.looseObject({ natsUrls: z.array(z.string()).min(1) });

const linkFileOf = (dataDir: string) => join(dataDir, 'hq', 'hq-link.json');

/** Enrols the store unless it already holds a link and head office a live key for it. */
export async function enrolStore(
  repoRoot: string,
  hq: ChainHeadOffice,
  store: DemoChainStore,
  dataDir: string,
): Promise<'enrolled' | 'already'> {
  const atHq = await hq.admin.get({ params: { id: store.id } });
  if (existsSync(linkFileOf(dataDir)) && atHq.liveKeys > 0 && atHq.status === 'active')
    return 'already';
  mkdirSync(dataDir, { recursive: true });
  // Head office answers 503 while its link is busy (a cluster reload under load): try again,
  // with a fresh code since a refused one may already be spent.
  for (let attempt = 1; ; attempt++) {
    const { code } = await hq.admin.createEnrolCode({
      params: { id: store.id },
      body: { ttlMinutes: 10 },
    });
    const args = ['run', '--silent', 'hq-enrol', '--'];
    // `--code=`: a code may begin with "-" (base64url), which a separate argument would not survive.
    args.push('--hq', hq.url, `--code=${code}`, '--store', store.id, '--data', dataDir);
    const failure = await run('npm', args, { cwd: repoRoot, timeout: 60_000 }).then(
      () => undefined,
      (error: unknown) => (error as { stderr?: string }).stderr?.trim() || (error as Error).message,
    );
    if (failure === undefined) break;
    if (attempt >= ENROL_ATTEMPTS)
      throw new Error(`enrolling ${store.id} failed ${attempt} times: ${failure}`);
    process.stderr.write(`  enrolling ${store.id}: ${failure}; trying again\n`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  return 'enrolled';
}

/** The cluster's ports are probed at each start: a store enrolled in an earlier run follows. */
export function pointLinkAt(dataDir: string, natsUrls: readonly string[]): void {
  const file = linkFileOf(dataDir);
  const parsed = parseJson(LinkUrls, readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
  writeFileSync(file, `${JSON.stringify({ ...parsed.value, natsUrls }, null, 2)}\n`, {
    mode: 0o600,
  });
}

/** The demo users and password, as the store's own start-up page prints them. */
function demoUsersFrom(output: string): { users: string[]; password: string } {
  const match = /consoles\s+\S+\s+\((.+?);\s*password (\S+)\)/.exec(output);
  if (!match) throw new Error('the store did not print its demo users');
  return { users: match[1]!.split(',').map((user) => user.trim()), password: match[2]! };
}

/** A start that lost one of its ports to another process between the probe and the listen. */
const LOST_PORT = /EADDRINUSE/;
const START_ATTEMPTS = 3;

export async function startChainStore(options: {
  repoRoot: string;
  store: DemoChainStore;
  dataDir: string;
  ports: PortPicker;
  /** This store's port offset from the base: http, mqtt, https and mqtts follow it. */
  offset: number;
  demoScale?: number | undefined;
}): Promise<ChainStore> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnFreshPorts(options);
    } catch (error) {
      if (attempt >= START_ATTEMPTS || !LOST_PORT.test(String(error))) throw error;
      process.stderr.write(`  ${options.store.id}: a port was taken meanwhile; trying others\n`);
    }
  }
}

async function startOnFreshPorts(
  options: Parameters<typeof startChainStore>[0],
): Promise<ChainStore> {
  const { store, dataDir } = options;
  const http = await options.ports(options.offset);
  const mqtt = await options.ports(options.offset + 1);
  const https = await options.ports(options.offset + 2);
  const mqtts = await options.ports(options.offset + 3);
  const args = [
    ...['--import', 'tsx', join(options.repoRoot, 'store-server/src/main.ts')],
    ...['--demo', '--store', store.id, '--host', '127.0.0.1', '--data', dataDir],
    ...['--port', String(http), '--mqtt-port', String(mqtt)],
    ...['--https-port', String(https), '--mqtts-port', String(mqtts)],
    ...['--hq-link', linkFileOf(dataDir), '--log-level', 'warn'],
    ...(options.demoScale === undefined ? [] : ['--scale', String(options.demoScale)]),
  ];
  const child = spawnChainChild(`store ${store.id}`, process.execPath, args, {
    cwd: options.repoRoot,
    logFile: join(dataDir, 'store-server.log'),
  });
  try {
    // The demo's own page is printed once the server listens (seeding comes first).
    await waitForOutput(child, /kiosk staff overlay/, 240_000);
    const base = `http://127.0.0.1:${http}`;
    const demo = demoUsersFrom(child.output());
    return {
      process: child,
      endpoints: {
        id: store.id,
        name: store.name,
        pid: child.pid,
        dataDir,
        base,
        kiosk: `${base}/kiosk/`,
        signage: `${base}/signage/`,
        mirror: `${base}/mirror/`,
        consoles: `${base}/console/`,
        health: routeUrl(base, apiRoutes.health.health, {}),
        demoUsers: demo.users,
        demoPassword: demo.password,
        ports: { http, mqtt, https, mqtts },
      },
    };
  } catch (error) {
    await child.stop();
    throw error;
  }
}
