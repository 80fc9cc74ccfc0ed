// A nats-server cluster on loopback with JetStream, for `npm run chain` and the tests: the
// nodes are children of this process (see own-child.ts), each with its own config, store_dir
// and log file under the caller's directory, on probed ports.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createUser } from '@nats-io/nkeys';
import { findNatsServer } from './find-tools';
import { freePorts } from './free-ports';
import { renderFullAccessUsers, renderNodeConfig, type NodePorts } from './nats-config';
import { metaLeaderSeenBy } from './nats-monitor';
import { NatsNodeError, NatsNodeProcess } from './nats-node';

export type NatsClusterOptions = {
  /** Node n<i> keeps its config, log and store_dir in `<dir>/n<i>`. Created if missing. */
  dir: string;
  /** 3 unless told. */
  nodes?: number;
  /**
   * A NATS config fragment `users = [ { nkey: "U…", permissions: {…} }, … ]` that every node
   * includes and re-reads on `reload()`. Without it the cluster writes `<dir>/users.conf` with
   * one full-access user and returns its seed as `hqSeed`.
   */
  usersFile?: string;
  clusterName?: string;
  /** nats-server sizes, e.g. '256MB', '4GB'. */
  maxMemoryStore?: string;
  maxFileStore?: string;
  /**
   * For the whole start, or one node's restart (default 60 s). A fresh cluster is ready in
   * under a second; on an existing store_dir the nodes wait out raft election timeouts first,
   * measured at 4–24 s on this loaded machine.
   */
  startTimeoutMs?: number;
};

export type NatsClusterNode = {
  readonly name: string;
  /** The live process's pid; undefined while the node is down. */
  readonly pid: number | undefined;
  readonly clientPort: number;
  readonly clusterPort: number;
  readonly monitorPort: number;
  readonly clientUrl: string;
  readonly monitorUrl: string;
  readonly logFile: string;
  readonly storeDir: string;
  /** Written by the node itself: lets another process (HQ) send it SIGHUP. */
  readonly pidFile: string;
  isRunning(): boolean;
  /** Sends `signal` (default SIGKILL); for SIGKILL, SIGTERM and SIGINT waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the node again with the same config, ports and store_dir; resolves when healthy. */
  start(): Promise<void>;
};

export type NatsCluster = {
  readonly dir: string;
  readonly usersFile: string;
  /** The full-access user's seed, when the cluster wrote the users file itself. */
  readonly hqSeed: string | undefined;
  readonly clientUrls: readonly string[];
  readonly monitorUrls: readonly string[];
  readonly nodes: readonly NatsClusterNode[];
  /** Every running node healthy and all of them naming the same JetStream meta leader. */
  ready(timeoutMs?: number): Promise<string>;
  /** SIGHUP to every running node; resolves once each has loaded the new config. */
  reload(): Promise<void>;
  /** SIGTERM then SIGKILL for each node; resolves when every process has exited. */
  stop(): Promise<void>;
};

const DEFAULT_TIMEOUT_MS = 60_000;
const RELOAD_TIMEOUT_MS = 10_000;
const PORT_RACE_ATTEMPTS = 3;

function writeDefaultUsers(dir: string): { usersFile: string; hqSeed: string } {
  const pair = createUser();
  const usersFile = join(dir, 'users.conf');
  writeFileSync(usersFile, renderFullAccessUsers(pair.getPublicKey()), { mode: 0o600 });
  return { usersFile, hqSeed: new TextDecoder().decode(pair.getSeed()) };
}

function nodeProcesses(
  options: Required<Omit<NatsClusterOptions, 'usersFile'>> & { usersFile: string },
  ports: readonly NodePorts[],
): NatsNodeProcess[] {
  const natsServer = findNatsServer();
  return ports.map((own, index) => {
    const name = `n${index + 1}`;
    const nodeDir = join(options.dir, name);
    const storeDir = join(nodeDir, 'store');
    mkdirSync(storeDir, { recursive: true });
    const configFile = join(nodeDir, 'nats.conf');
    const pidFile = join(nodeDir, 'nats.pid');
    writeFileSync(
      configFile,
      renderNodeConfig({
        name,
        clusterName: options.clusterName,
        ports: own,
        peerClusterPorts: ports.filter((other) => other !== own).map((other) => other.cluster),
        storeDir,
        configDir: nodeDir,
        pidFile,
        usersFile: options.usersFile,
        maxMemoryStore: options.maxMemoryStore,
        maxFileStore: options.maxFileStore,
      }),
    );
    const files = { configFile, logFile: join(nodeDir, 'nats.log'), storeDir, pidFile };
    return new NatsNodeProcess(name, natsServer, files, `http://127.0.0.1:${own.monitor}`);
  });
}

async function waitReady(nodes: readonly NatsNodeProcess[], timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const running = nodes.filter((node) => node.isRunning());
  await Promise.all(running.map((node) => node.waitHealthy(deadline)));
  for (;;) {
    const leaders = await Promise.all(running.map((node) => metaLeaderSeenBy(node.monitorUrl)));
    const [first] = leaders;
    if (first && leaders.every((leader) => leader === first)) return first;
    const dead = running.find((node) => !node.isRunning());
    if (dead) throw dead.failure('exited while the cluster elected a meta leader');
    if (Date.now() > deadline) {
      const seen = running.map((node, i) => `${node.name}: ${leaders[i] ?? 'none'}`).join(', ');
      throw (running[0] ?? nodes[0])!.failure(
        `and its peers have no common JetStream meta leader after ${timeoutMs} ms (${seen})`,
      );
    }
    await sleep(100);
  }
}

/** Starts the cluster and waits until `/healthz` is ok on every node and a meta leader exists. */
export async function startNatsCluster(options: NatsClusterOptions): Promise<NatsCluster> {
  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const given = options.usersFile === undefined ? undefined : resolve(options.usersFile);
  if (given && !existsSync(given)) throw new Error(`no users file at ${given}`);
  const own = given ? undefined : writeDefaultUsers(dir);
  const usersFile = given ?? own!.usersFile;
  const settings = {
    dir,
    usersFile,
    nodes: options.nodes ?? 3,
    clusterName: options.clusterName ?? 'vitrine',
    maxMemoryStore: options.maxMemoryStore ?? '256MB',
    maxFileStore: options.maxFileStore ?? '4GB',
    startTimeoutMs: options.startTimeoutMs ?? DEFAULT_TIMEOUT_MS,
  };

  for (let attempt = 1; ; attempt++) {
    const flat = await freePorts(settings.nodes * 3);
    const ports = Array.from({ length: settings.nodes }, (_, i) => ({
      client: flat[i * 3]!,
      cluster: flat[i * 3 + 1]!,
      monitor: flat[i * 3 + 2]!,
    }));
    const nodes = nodeProcesses(settings, ports);
    try {
      for (const node of nodes) node.spawn();
      await waitReady(nodes, settings.startTimeoutMs);
      return clusterHandle(settings, nodes, ports, own?.hqSeed);
    } catch (error) {
      await Promise.all(nodes.map((node) => node.stop()));
      const raced = error instanceof NatsNodeError && error.portTaken;
      if (!raced || attempt >= PORT_RACE_ATTEMPTS) throw error;
    }
  }
}

function clusterHandle(
  settings: { dir: string; usersFile: string; startTimeoutMs: number },
  processes: readonly NatsNodeProcess[],
  ports: readonly NodePorts[],
  hqSeed: string | undefined,
): NatsCluster {
  const nodes = processes.map((node, index): NatsClusterNode => {
    const own = ports[index]!;
    return {
      name: node.name,
      get pid() {
        return node.pid;
      },
      clientPort: own.client,
      clusterPort: own.cluster,
      monitorPort: own.monitor,
      clientUrl: `nats://127.0.0.1:${own.client}`,
      monitorUrl: node.monitorUrl,
      logFile: node.files.logFile,
      storeDir: node.files.storeDir,
      pidFile: node.files.pidFile,
      isRunning: () => node.isRunning(),
      kill: (signal) => node.kill(signal),
      start: async () => {
        node.spawn();
        await node.waitHealthy(Date.now() + settings.startTimeoutMs);
      },
    };
  });
  return {
    dir: settings.dir,
    usersFile: settings.usersFile,
    hqSeed,
    clientUrls: nodes.map((node) => node.clientUrl),
    monitorUrls: nodes.map((node) => node.monitorUrl),
    nodes,
    ready: (timeoutMs = settings.startTimeoutMs) => waitReady(processes, timeoutMs),
    reload: async () => {
      await Promise.all(processes.map((node) => node.reload(RELOAD_TIMEOUT_MS)));
    },
    stop: async () => {
      await Promise.all(processes.map((node) => node.stop()));
    },
  };
}
