import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import {
  connect,
  nkeyAuthenticator,
  TimeoutError,
  type NatsConnection,
} from '@nats-io/transport-node';
import { MAX_MEDIA_BYTES, OBJECT_BUCKETS } from '@vitrine/shared/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startNatsCluster, type NatsCluster } from '../local';
import { ensureMediaBucket, MediaInputError, putMedia } from './media-bucket';

let dir: string;
let cluster: NatsCluster;
let nc: NatsConnection;
let js: JetStreamClient;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-hq-media-'));
  cluster = await startNatsCluster({ dir });
  nc = await connect({
    servers: [...cluster.clientUrls],
    authenticator: nkeyAuthenticator(new TextEncoder().encode(cluster.hqSeed)),
  });
  js = jetstream(nc, { timeout: 10_000 });
});

afterAll(async () => {
  await nc?.close().catch(() => undefined);
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the media bucket', () => {
  it('is created once, replicated on three nodes, and opened again by a second call', async () => {
    await Promise.all([ensureMediaBucket(js), ensureMediaBucket(js)]);
    await ensureMediaBucket(js);
    const jsm = await jetstreamManager(nc, { timeout: 10_000 });
    const info = await jsm.streams.info(OBJECT_BUCKETS.media.stream);
    expect(info.config.num_replicas).toBe(3);
    expect(info.config.subjects).toEqual(['$O.media.C.>', '$O.media.M.>']);
  });

  it('keeps a file under its SHA-256 and returns the reference a campaign signs', async () => {
    const bucket = await ensureMediaBucket(js);
    const bytes = randomBytes(300_000);
    const ref = await putMedia(bucket, bytes, { type: 'video/mp4', name: 'clip.mp4' });
    expect(ref).toEqual({ sha256: sha256(bytes), type: 'video/mp4', size: bytes.length });
    const object = await bucket.get(ref.sha256);
    expect((await readAll(object!.data)).equals(bytes)).toBe(true);
    expect(object!.info.description).toBe('clip.mp4');
  });

  it('takes a stream, hashing it on the way, and puts the same file only once', async () => {
    const bucket = await ensureMediaBucket(js);
    const bytes = randomBytes(200_000);
    const chunks = () => Readable.from([bytes.subarray(0, 70_000), bytes.subarray(70_000)]);
    const first = await putMedia(bucket, chunks(), { type: 'image/png', name: 'a.png' });
    const revision = (await bucket.info(first.sha256))!.revision;
    const again = await putMedia(bucket, chunks(), { type: 'image/png', name: 'b.png' });
    expect(again).toEqual(first);
    expect(first.sha256).toBe(sha256(bytes));
    // Not written again: the object is the first one.
    expect((await bucket.info(first.sha256))!.revision).toBe(revision);
  });

  it('replaces an object under that name that is not that file', async () => {
    const bucket = await ensureMediaBucket(js);
    const bytes = randomBytes(1_000);
    await bucket.putBlob({ name: sha256(bytes) }, randomBytes(1_000));
    await putMedia(bucket, bytes, { type: 'image/webp', name: 'kept.webp' });
    const object = await bucket.get(sha256(bytes));
    expect((await readAll(object!.data)).equals(bytes)).toBe(true);
  });

  it('refuses an empty file, one past the limit and a type screens do not play', async () => {
    const bucket = await ensureMediaBucket(js);
    const meta = { type: 'image/png', name: 'x.png' };
    await expect(putMedia(bucket, new Uint8Array(0), meta)).rejects.toThrow(/empty/);
    await expect(
      putMedia(bucket, Readable.from([Buffer.alloc(MAX_MEDIA_BYTES), Buffer.alloc(1)]), meta),
    ).rejects.toThrow(MediaInputError);
    await expect(
      putMedia(bucket, randomBytes(10), { type: 'image/gif', name: 'x.gif' }),
    ).rejects.toThrow(/image\/gif is not one screens play/);
    const listed = await bucket.list();
    expect(listed.every((info) => info.size > 0 && info.size <= MAX_MEDIA_BYTES)).toBe(true);
  });

  // Last: it pauses the cluster. A paused server reads nothing, so every request times out until
  // it resumes; then it answers the requests still waiting, the retried one among them.
  it('asks again when the creation times out, and gives the timeout up after three tries', async () => {
    // A stopped process shows "T" in /proc: under load the stop can take a moment to land.
    const stopped = (pid: number | undefined) =>
      readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('T') ?? false;
    const pause = async (signal: 'SIGSTOP' | 'SIGCONT') => {
      await Promise.all(cluster.nodes.map((node) => node.kill(signal)));
      if (signal === 'SIGSTOP')
        await vi.waitFor(() => expect(cluster.nodes.every((node) => stopped(node.pid))).toBe(true));
    };
    const impatient = jetstream(nc, { timeout: 400 });
    await pause('SIGSTOP');
    try {
      let started = performance.now();
      await expect(ensureMediaBucket(impatient)).rejects.toBeInstanceOf(TimeoutError);
      expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 400);

      started = performance.now();
      const resumed = ensureMediaBucket(impatient);
      await new Promise((resolve) => setTimeout(resolve, 600));
      await pause('SIGCONT');
      await resumed;
      // The first try timed out (at 400 ms): a later one answered.
      expect(performance.now() - started).toBeGreaterThanOrEqual(600);
    } finally {
      await pause('SIGCONT');
    }
  });
});
