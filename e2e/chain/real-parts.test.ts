// The chain's real parts: a 3-node nats-server cluster started by head-office/src/local, and the
// TCP proxy the chaos runs cut. One cluster for the whole file; the tests run in order.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  jetstream,
  jetstreamManager,
  StorageType,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { createUser, fromSeed } from '@nats-io/nkeys';
import {
  connect,
  nkeyAuthenticator,
  type ConnectionOptions,
  type NatsConnection,
} from '@nats-io/transport-node';
import { startNatsCluster, type NatsCluster } from '@vitrine/head-office/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

const STREAM = 'REAL_PARTS';
const SUBJECT = 'vt.test.events';
const encode = (text: string) => new TextEncoder().encode(text);
const load = () =>
  `load ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`;

let dir: string;
let cluster: NatsCluster;
let hq: NatsConnection;
let jsm: JetStreamManager;
let startMs: number;
const opened: NatsConnection[] = [];
const proxies: TcpProxy[] = [];

function connectWithSeed(seed: string, options: ConnectionOptions): Promise<NatsConnection> {
  return connect({ authenticator: nkeyAuthenticator(encode(seed)), timeout: 2_000, ...options });
}

async function hqClient(options: ConnectionOptions = {}): Promise<NatsConnection> {
  const nc = await connectWithSeed(cluster.hqSeed!, {
    servers: [...cluster.clientUrls],
    reconnectTimeWait: 100,
    maxReconnectAttempts: -1,
    ...options,
  });
  opened.push(nc);
  return nc;
}

/** Publishes until a PubAck comes back; returns how long that took. */
async function publishUntilAcked(nc: NatsConnection, limitMs: number): Promise<number> {
  const js = jetstream(nc);
  const started = performance.now();
  let last: unknown;
  while (performance.now() - started < limitMs) {
    try {
      await js.publish(SUBJECT, encode('after'), { timeout: 1_500 });
      return performance.now() - started;
    } catch (error) {
      last = error;
      await sleep(100);
    }
  }
  throw new Error(`no PubAck within ${limitMs} ms: ${String(last)}`);
}

/** The users file with the cluster's HQ user plus `extra` nkey users (public keys). */
function writeUsers(...extra: string[]): void {
  const hqKey = fromSeed(encode(cluster.hqSeed!)).getPublicKey();
  const users = [hqKey, ...extra].map((key) => `  { nkey: "${key}" }`).join(',\n');
  writeFileSync(cluster.usersFile, `users = [\n${users}\n]\n`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-real-parts-'));
  const started = performance.now();
  cluster = await startNatsCluster({ dir, nodes: 3 });
  startMs = performance.now() - started;
  console.log(
    `nats cluster 3/3 healthy with a meta leader in ${startMs.toFixed(0)} ms (${load()})`,
  );
  hq = await hqClient();
  jsm = await jetstreamManager(hq, { timeout: 5_000 });
});

afterAll(async () => {
  await Promise.all(opened.map((nc) => nc.close().catch(() => undefined)));
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await cluster?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('real parts: nats-server cluster and TCP proxy', () => {
  it('comes up with 3/3 nodes healthy, all naming one JetStream meta leader', async () => {
    expect(cluster.nodes.map((node) => node.isRunning())).toEqual([true, true, true]);
    for (const url of cluster.monitorUrls) {
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
    }
    const leader = await cluster.ready(5_000);
    expect(cluster.nodes.map((node) => node.name)).toContain(leader);
    expect(new Set(cluster.clientUrls).size).toBe(3);
    for (const node of cluster.nodes)
      expect(readFileSync(node.pidFile, 'utf8').trim(), node.name).toBe(String(node.pid));
  });

  it('keeps taking publishes on an R3 stream after kill -9 of the node that leads it', async () => {
    await jsm.streams.add({
      name: STREAM,
      subjects: [SUBJECT],
      storage: StorageType.File,
      num_replicas: 3,
    });
    const first = await jetstream(hq).publish(SUBJECT, encode('before'), { timeout: 5_000 });
    expect(first.seq).toBe(1);

    const leaderName = (await jsm.streams.info(STREAM)).cluster?.leader;
    // Losing the meta leader as well costs a second election: say which case this run was.
    const alsoMeta = (await cluster.ready(5_000)) === leaderName ? ', also the meta leader' : '';
    const leader = cluster.nodes.find((node) => node.name === leaderName);
    expect(leader, `stream leader ${leaderName}`).toBeDefined();
    await leader!.kill('SIGKILL');
    expect(leader!.isRunning()).toBe(false);
    const recoveryMs = await publishUntilAcked(hq, 30_000);
    console.log(
      `publishes acked again ${recoveryMs.toFixed(0)} ms after kill -9 of ${leaderName}${alsoMeta} (${load()})`,
    );
    expect(recoveryMs).toBeLessThan(30_000);
    const after = await jsm.streams.info(STREAM);
    expect(after.cluster?.leader).not.toBe(leaderName);
    expect(after.state.messages).toBe(2);

    // The node comes back with the same store_dir and catches the stream up.
    await leader!.start();
    expect(leader!.pid).toBeGreaterThan(0);
    await cluster.ready(20_000);
    await expect
      .poll(
        async () => {
          const replicas = (await jsm.streams.info(STREAM)).cluster?.replicas ?? [];
          return replicas.find((peer) => peer.name === leaderName)?.current ?? false;
        },
        { timeout: 20_000, interval: 250 },
      )
      .toBe(true);
  });

  it('accepts a user added to the users file only after reload, and drops a removed one', async () => {
    const store = createUser();
    const seed = new TextDecoder().decode(store.getSeed());
    const asStore = (options: ConnectionOptions = {}) =>
      connectWithSeed(seed, { servers: [...cluster.clientUrls], reconnect: false, ...options });

    writeUsers(store.getPublicKey());
    await expect(asStore(), 'written but not reloaded').rejects.toThrow(/authorization/i);
    await cluster.reload();
    const nc = await asStore();
    opened.push(nc);
    await nc.flush();

    writeUsers();
    await cluster.reload();
    const closedWith = await Promise.race([nc.closed(), sleep(10_000, 'still open')]);
    expect(closedWith).not.toBe('still open');
    expect(nc.isClosed()).toBe(true);
    await expect(asStore(), 'removed and reloaded').rejects.toThrow(/authorization/i);
  });

  it('fails reload() with the node log when the users file does not parse, keeping the old users', async () => {
    writeUsers();
    const good = readFileSync(cluster.usersFile, 'utf8');
    writeFileSync(cluster.usersFile, 'users = [ { nkey: \n');
    await expect(cluster.reload()).rejects.toThrow(/refused the new configuration[\s\S]*nats\.log/);
    const nc = await hqClient();
    await nc.flush(); // the HQ user still gets in: the nodes kept their last good config
    writeFileSync(cluster.usersFile, good);
    await cluster.reload();
  });

  it('fails to start with a clear error and the log tail when a node cannot run', async () => {
    const badDir = mkdtempSync(join(tmpdir(), 'vitrine-real-parts-bad-'));
    try {
      const usersFile = join(badDir, 'users.conf');
      writeFileSync(usersFile, 'users = [ { nkey: "not-a-key" } ]\n');
      await expect(startNatsCluster({ dir: badDir, usersFile })).rejects.toThrow(
        /nats-server n\d exited while starting \(exit \d+\); last lines of .*nats\.log:\n/,
      );
    } finally {
      rmSync(badDir, { recursive: true, force: true });
    }
  });

  it('notices a blackholed link within a bound and reconnects once the line passes again', async () => {
    const target = cluster.nodes.find((node) => node.isRunning())!;
    const proxy = await startTcpProxy({ targetPort: target.clientPort });
    proxies.push(proxy);
    const nc = await hqClient({
      servers: [`127.0.0.1:${proxy.port}`],
      ignoreClusterUpdates: true,
      pingInterval: 500,
      maxPingOut: 2,
      reconnectTimeWait: 200,
      timeout: 1_000,
    });
    // no_advertise: the server names no other addresses that would bypass the proxy.
    expect(nc.info?.connect_urls ?? []).toEqual([]);
    await nc.flush();

    const events: { type: string; at: number }[] = [];
    void (async () => {
      for await (const status of nc.status())
        events.push({ type: status.type, at: performance.now() });
    })();
    const seen = (type: string, after: number) =>
      events.find((event) => event.type === type && event.at >= after);

    const cutAt = performance.now();
    proxy.setMode('blackhole');
    await expect
      .poll(() => seen('disconnect', cutAt), { timeout: 10_000, interval: 50 })
      .toBeTruthy();
    const detectedMs = seen('disconnect', cutAt)!.at - cutAt;

    await sleep(1_000); // reconnect attempts go into the cut and time out
    expect(seen('reconnect', cutAt)).toBeUndefined();

    const healedAt = performance.now();
    proxy.setMode('pass');
    await expect
      .poll(() => seen('reconnect', healedAt), { timeout: 10_000, interval: 50 })
      .toBeTruthy();
    const reconnectMs = seen('reconnect', healedAt)!.at - healedAt;
    await nc.flush();
    console.log(
      `blackhole noticed in ${detectedMs.toFixed(0)} ms (ping 500 ms × 2 out), ` +
        `reconnected ${reconnectMs.toFixed(0)} ms after the heal (${load()})`,
    );
    expect(detectedMs).toBeLessThan(5_000);
  });

  it('a reset proxy refuses connections until it passes again', async () => {
    const target = cluster.nodes.find((node) => node.isRunning())!;
    const proxy = await startTcpProxy({ targetPort: target.clientPort });
    proxies.push(proxy);
    proxy.setMode('reset');
    await expect(
      connectWithSeed(cluster.hqSeed!, { servers: [`127.0.0.1:${proxy.port}`], reconnect: false }),
    ).rejects.toThrow();
    proxy.setMode('pass');
    const nc = await hqClient({ servers: [`127.0.0.1:${proxy.port}`], ignoreClusterUpdates: true });
    await nc.flush();
    expect(proxy.mode()).toBe('pass');
  });

  it('stop() ends every node process', async () => {
    const pids = cluster.nodes.map((node) => node.pid);
    expect(pids.every((pid) => typeof pid === 'number')).toBe(true);
    await Promise.all(opened.splice(0).map((nc) => nc.close().catch(() => undefined)));
    await cluster.stop();
    for (const pid of pids) expect(() => process.kill(pid!, 0), `pid ${pid}`).toThrow(/ESRCH/);
    expect(cluster.nodes.map((node) => node.isRunning())).toEqual([false, false, false]);
  });

  it('starts again on the same directory with its streams kept (fresh ports, same store_dir)', async () => {
    const seed = cluster.hqSeed!;
    const started = performance.now();
    // On existing state the nodes wait out raft election timeouts: seconds, not one.
    cluster = await startNatsCluster({ dir, usersFile: cluster.usersFile, startTimeoutMs: 45_000 });
    const readyMs = performance.now() - started;
    expect(cluster.hqSeed).toBeUndefined(); // the caller's users file: no user written
    const nc = await connectWithSeed(seed, { servers: [...cluster.clientUrls] });
    opened.push(nc);
    const again = await jetstreamManager(nc, { timeout: 5_000 });
    await expect
      .poll(async () => (await again.streams.info(STREAM)).state.messages, { timeout: 20_000 })
      .toBe(2);
    const streamMs = performance.now() - started;
    console.log(
      `restart on the same dir: cluster ready in ${readyMs.toFixed(0)} ms, ` +
        `the R3 stream answers with its messages after ${streamMs.toFixed(0)} ms (${load()})`,
    );
  });
});
