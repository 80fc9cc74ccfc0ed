// For the outbox's tests: a real PostgreSQL (migrated) and a real 3-node NATS cluster with the
// link's streams, and a reader of what a stream holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, nkeyAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { LINK_HEADERS, linkStreams } from '@vitrine/shared/core';
import { migrate } from '../db/migrations';
import { startNatsCluster, type NatsCluster } from '../local';
import { startTestPostgres, type TestPostgres } from '../local/test-postgres';
import { headOfficeMigrations } from '../schema';

export type TestLink = {
  cluster: NatsCluster;
  databaseUrl: string;
  pool: pg.Pool;
  nc: NatsConnection;
  jsm: JetStreamManager;
  connectNats: () => Promise<NatsConnection>;
  stop: () => Promise<void>;
};

export type StreamMessage = {
  seq: number;
  subject: string;
  msgId: string;
  revHeader: string;
  body: Record<string, unknown>;
};

export async function startTestLink(): Promise<TestLink> {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-outbox-'));
  let postgres: TestPostgres | undefined;
  let cluster: NatsCluster | undefined;
  const connections: NatsConnection[] = [];
  let pool: pg.Pool | undefined;
  const stop = async () => {
    await Promise.all(connections.map((nc) => nc.close().catch(() => undefined)));
    await pool?.end();
    await cluster?.stop();
    await postgres?.remove();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    [postgres, cluster] = await Promise.all([
      startTestPostgres(),
      startNatsCluster({ dir: join(dir, 'nats') }),
    ]);
    const databaseUrl = await postgres.freshDatabase();
    pool = new pg.Pool({ connectionString: databaseUrl, max: 8 }).on('error', () => undefined);
    pool.on('error', () => undefined);
    await migrate(pool, headOfficeMigrations);
    if (!cluster.hqSeed) throw new Error('the test cluster wrote no users file of its own');
    const seed = new TextEncoder().encode(cluster.hqSeed);
    const urls = [...cluster.clientUrls];
    const connectNats = async () => {
      const nc = await connect({
        servers: urls,
        authenticator: nkeyAuthenticator(seed),
        maxReconnectAttempts: -1,
        reconnectTimeWait: 250,
      });
      connections.push(nc);
      return nc;
    };
    const nc = await connectNats();
    const jsm = await jetstreamManager(nc, { timeout: 10_000 });
    const streams = linkStreams({ replicas: 3, eventsMaxBytes: 64 << 20, stockMaxBytes: 16 << 20 });
    for (const stream of streams) await jsm.streams.add(stream);
    return { cluster, databaseUrl, pool, nc, jsm, connectNats, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Every message `stream` holds after `afterSeq`, in stream order. */
export async function streamMessages(
  jsm: JetStreamManager,
  stream: string,
  afterSeq = 0,
): Promise<StreamMessage[]> {
  const info = await jsm.streams.info(stream);
  const messages: StreamMessage[] = [];
  for (let seq = Math.max(afterSeq + 1, info.state.first_seq); seq <= info.state.last_seq; seq++) {
    const stored = await jsm.streams.getMessage(stream, { seq });
    if (!stored) continue;
    messages.push({
      seq,
      subject: stored.subject,
      msgId: stored.header.get(LINK_HEADERS.msgId),
      revHeader: stored.header.get(LINK_HEADERS.rev),
      body: stored.json<Record<string, unknown>>(),
    });
  }
  return messages;
}

/** The stream's last sequence now: read what comes after it. */
export async function lastSeq(jsm: JetStreamManager, stream: string): Promise<number> {
  return (await jsm.streams.info(stream)).state.last_seq;
}
