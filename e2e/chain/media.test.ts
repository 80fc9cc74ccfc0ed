// Campaign media over the chain's link, end to end on real parts: head office puts a file in the
// `media` bucket of a 3-node cluster and publishes a signed campaign naming it; a store-server
// process started with --hq-link fetches it with its own (restricted) credentials, holds the
// campaign and serves the very bytes to its screens. A file in the bucket that is not the signed
// one refuses the campaign on record; a file missing at first is fetched once it appears.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import {
  apiRoutes,
  chainMsgId,
  encodeLinkMessage,
  hqChainSubject,
  routeUrl,
  type MediaRef,
  type SignedCampaign,
} from '@vitrine/shared/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMediaBucket, putMedia } from '../../head-office/src/media/media-bucket';
import { startChainParts, type ChainParts } from '../support/chain-parts';
import { campaign, headOfficeKey, storeHolds } from '../support/chain-store';
import { freePort, spawnServer, type ServerProcess } from '../support/server-process';
import { waitFor } from '../support/test-server';

const STORE = 'nantes-atlantis';

let dir: string;
let parts: ChainParts;
let js: JetStreamClient;
let bucket: Awaited<ReturnType<typeof ensureMediaBucket>>;
let store: ServerProcess | undefined;
let dataDir: string;
const hq = headOfficeKey();

/** A PNG's signature then random bytes: a distinct file each call. */
const png = (size: number) =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    randomBytes(size - 8),
  ]);
const refOf = (bytes: Buffer): MediaRef => ({
  sha256: createHash('sha256').update(bytes).digest('hex'),
  type: 'image/png',
  size: bytes.length,
});
const showing = (id: string, revision: number, media: MediaRef) =>
  hq.sign(campaign(id, revision, [{ id: 'img', kind: 'image', durationMs: 8_000, media }]));

async function publish(rev: number, signed: SignedCampaign): Promise<void> {
  await js.publish(
    hqChainSubject('campaign'),
    encodeLinkMessage({ v: 1, rev, type: 'campaign', campaign: signed }),
    { msgID: chainMsgId('campaign', rev) },
  );
}

/** The media file as a screen fetches it from the store. */
const screenFetch = (sha256: string) =>
  fetch(routeUrl(store!.url, apiRoutes.campaigns.media, { params: { sha256 } }));

const until = (what: string, check: () => boolean) =>
  waitFor(() => Promise.resolve(check()), what, 30_000);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-chain-media-'));
  dataDir = join(dir, 'store');
  parts = await startChainParts(join(dir, 'chain'), [{ id: STORE }]);
  js = jetstream(parts.hq, { timeout: 10_000 });
  bucket = await ensureMediaBucket(js);
  const linkFile = parts.writeStoreLink(STORE, dataDir, hq.anchor);
  store = await spawnServer({
    dataDir,
    httpPort: await freePort(),
    mqttPort: await freePort(),
    store: { id: STORE },
    extraArgs: ['--plain', 'on', '--hq-link', linkFile],
  });
});

afterAll(async () => {
  await store?.kill('SIGKILL');
  await parts?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('campaign media reach a chain store from the media bucket', () => {
  it('fetches the file the signed campaign names and serves the same bytes to a screen', async () => {
    const bytes = png(300_000); // several chunks of the bucket (128 KiB each)
    const ref = await putMedia(bucket, bytes, { type: 'image/png', name: 'spring.png' });
    expect(ref).toEqual(refOf(bytes));
    const started = Date.now();
    await publish(1, showing('spring', 1, ref));
    await until('the campaign held', () => storeHolds(dataDir).checkpoint === 1);
    console.log(`media fetched and campaign held in ${Date.now() - started} ms`);
    expect(storeHolds(dataDir)).toMatchObject({ campaigns: ['spring'], refusals: [] });

    const served = await screenFetch(ref.sha256);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('refuses on record a campaign whose file in the bucket is not the signed one', async () => {
    const signed = png(20_000);
    const ref = refOf(signed);
    // Same name and size, other bytes: the bucket's own digest matches them, the signature does not.
    await bucket.putBlob({ name: ref.sha256 }, png(20_000));
    await publish(2, showing('tampered', 1, ref));
    await publish(3, hq.sign(campaign('after', 1)));
    await until('the next revision applied', () => storeHolds(dataDir).checkpoint === 3);

    const holds = storeHolds(dataDir);
    expect(holds.campaigns).toEqual(['after', 'spring']);
    expect(holds.refusals).toHaveLength(1);
    expect(holds.refusals[0]).toMatch(/campaign tampered: media [0-9a-f]{64}: not the signed file/);
    expect((await screenFetch(ref.sha256)).status).toBe(404);
    expect(existsSync(join(dataDir, 'media', ref.sha256))).toBe(false);
  });

  it('waits for a file missing from the bucket, and holds the campaign once it appears', async () => {
    const bytes = png(50_000);
    const ref = refOf(bytes);
    await publish(4, showing('late', 1, ref));
    // Not acknowledged, not refused: the message comes again while the file is missing.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(storeHolds(dataDir)).toMatchObject({ checkpoint: 3, refusals: [expect.any(String)] });

    await putMedia(bucket, bytes, { type: 'image/png', name: 'late.png' });
    await until('the campaign held once its file is there', () => {
      return storeHolds(dataDir).checkpoint === 4;
    });
    expect(storeHolds(dataDir).campaigns).toEqual(['after', 'late', 'spring']);
    const served = await screenFetch(ref.sha256);
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
  });
});
