// nats-server 2.9 configuration for one node of a loopback cluster, and the default users file.
import { relative } from 'node:path';

export type NodePorts = { client: number; cluster: number; monitor: number };

export type NodeConfigInput = {
  name: string;
  clusterName: string;
  ports: NodePorts;
  /** The other nodes' cluster ports. */
  peerClusterPorts: readonly number[];
  /** Absolute; nats-server keeps its streams in `<storeDir>/jetstream`. */
  storeDir: string;
  /** Absolute directory of the config file: `include` paths are relative to it. */
  configDir: string;
  /** Where the node writes its pid, for a process that did not start it (HQ's reload). */
  pidFile: string;
  /** Absolute path of the users file every node includes. */
  usersFile: string;
  maxMemoryStore: string;
  maxFileStore: string;
};

// NATS config strings take JSON's double-quoted form.
const quoted = (value: string) => JSON.stringify(value);

/**
 * The config file of one node. 2.9.10 joins an `include` path onto the config file's own
 * directory even when it is absolute (checked), so the users file is named relative to it.
 */
export function renderNodeConfig(input: NodeConfigInput): string {
  const routes = input.peerClusterPorts.map((port) => `nats-route://127.0.0.1:${port}`);
  return [
    `server_name: ${quoted(input.name)}`,
    `listen: "127.0.0.1:${input.ports.client}"`,
    `http: "127.0.0.1:${input.ports.monitor}"`,
    `pid_file: ${quoted(input.pidFile)}`,
    'jetstream {',
    `  store_dir: ${quoted(input.storeDir)}`,
    `  max_memory_store: ${input.maxMemoryStore}`,
    `  max_file_store: ${input.maxFileStore}`,
    '}',
    'cluster {',
    `  name: ${quoted(input.clusterName)}`,
    `  listen: "127.0.0.1:${input.ports.cluster}"`,
    // Clients reached through a proxy must not be handed the nodes' real ports.
    '  no_advertise: true',
    `  routes: [${routes.map(quoted).join(', ')}]`,
    '}',
    'authorization {',
    `  include ${quoted(relative(input.configDir, input.usersFile))}`,
    '}',
    '',
  ].join('\n');
}

/** A users file with one nkey user and no permissions block, which NATS reads as "may do anything". */
export function renderFullAccessUsers(publicKey: string): string {
  return [
    '# Written by startNatsCluster: the head office user, with full permissions.',
    `users = [ { nkey: ${quoted(publicKey)} } ]`,
    '',
  ].join('\n');
}
