// The chain's real parts for a test: a 3-node NATS cluster whose users file holds head office
// and the stores given, the link's streams and each store's durables (as HQ creates them), and a
// store's own hq-link.json + nkey seed, as enrolment writes them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { createUser, type KeyPair } from '@nats-io/nkeys';
import { connect, nkeyAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import { startNatsCluster, type NatsCluster } from '@vitrine/head-office/local';
import { renderUsersFile, writeUsersFile } from '@vitrine/head-office/nats-users';
import { linkStreams, storeConsumers, type TrustAnchor } from '@vitrine/shared/core';

export type ChainStore = { id: string; neighbours?: string[] };

export type ChainParts = {
  cluster: NatsCluster;
  hq: NatsConnection;
  /** Head office's nkey seed, for a head office that makes its own connection. */
  hqSeed: string;
  jsm: JetStreamManager;
  /** Each store's nkey pair, by id. */
  keys: Map<string, KeyPair>;
  /** Writes `<dataDir>/hq/hq-link.json` and its seed; returns the link file's path. */
  writeStoreLink: (storeId: string, dataDir: string, anchor: TrustAnchor) => string;
  stop: () => Promise<void>;
};

export async function startChainParts(dir: string, stores: ChainStore[]): Promise<ChainParts> {
  const hqKey = createUser();
  const keys = new Map(stores.map((store) => [store.id, createUser()]));
  const usersFile = join(dir, 'users.conf');
  mkdirSync(dir, { recursive: true });
  await writeUsersFile(
    usersFile,
    renderUsersFile({
      hqPublicKey: hqKey.getPublicKey(),
      stores: stores.map((store) => ({
        storeId: store.id,
        publicKeys: [keys.get(store.id)!.getPublicKey()],
        neighbours: store.neighbours ?? [],
      })),
    }),
  );
  const cluster = await startNatsCluster({ dir: join(dir, 'nats'), usersFile });
  const hq = await connect({
    servers: [...cluster.clientUrls],
    authenticator: nkeyAuthenticator(hqKey.getSeed()),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 200,
  });
  const jsm = await jetstreamManager(hq, { timeout: 10_000 });
  for (const stream of linkStreams({ eventsMaxBytes: 64 << 20, stockMaxBytes: 16 << 20 }))
    await jsm.streams.add(stream);
  for (const store of stores)
    for (const consumer of storeConsumers(store.id))
      await jsm.consumers.add(consumer.stream, consumer.config);

  return {
    cluster,
    hq,
    hqSeed: new TextDecoder().decode(hqKey.getSeed()),
    jsm,
    keys,
    writeStoreLink: (storeId, dataDir, anchor) => {
      const hqDir = join(dataDir, 'hq');
      mkdirSync(hqDir, { recursive: true });
      writeFileSync(
        join(hqDir, 'nkey.seed'),
        new TextDecoder().decode(keys.get(storeId)!.getSeed()),
        {
          mode: 0o600,
        },
      );
      const file = join(hqDir, 'hq-link.json');
      writeFileSync(
        file,
        JSON.stringify({
          v: 1,
          storeId,
          natsUrls: cluster.clientUrls,
          seedFile: 'nkey.seed',
          trustAnchor: anchor,
        }),
      );
      return file;
    },
    stop: async () => {
      await hq.close().catch(() => undefined);
      await cluster.stop();
    },
  };
}
