// Head office's campaigns, media and fleet routes on a real PostgreSQL and a real nats-server,
// the link running in-process: every bad input is a 4xx with a clear code, a campaign naming
// media head office lacks is refused, an upload is typed from its bytes and stored once, and a
// store's fleet summaries (a bad one among them) become its screens.
import { jetstream } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  encodeLinkMessage,
  type MediaRef,
  storeSubjects,
  type FleetSummary,
  type HqScreen,
} from '@vitrine/shared/core';
import { testDraft } from '../campaigns/test-draft';
import { newStore, startStoresTestBed } from '../stores/test-bed';
import { PNG, uploads } from './test-uploads';

let bed: Awaited<ReturnType<typeof startStoresTestBed>>;

beforeAll(async () => {
  bed = await startStoresTestBed();
  for (const id of ['S1', 'S2'])
    expect((await bed.call('POST', '/stores', newStore(id))).status).toBe(201);
});
afterAll(() => bed?.stop());

const { upload, declaredTooLarge, streamedTooLarge } = uploads(() => bed.hq.url);

const imageItem = (media: MediaRef) => ({
  id: 'p1',
  items: [{ id: 'img', kind: 'image' as const, durationMs: 8_000, media }],
});

describe('campaigns and media', () => {
  it('uploads media typed from its bytes, once; a campaign may name only what head office holds', async () => {
    const first = await upload(PNG, {}, '?name=poster.png');
    expect(first).toMatchObject({
      status: 201,
      json: { type: 'image/png', size: PNG.length, name: 'poster.png' },
    });
    const again = await upload(PNG, { 'content-type': 'image/png' }, '?name=poster-final.png');
    expect(again.json).toMatchObject({ sha256: first.json.sha256, name: 'poster-final.png' });
    const library = await bed.call('GET', '/media');
    expect(library.json).toMatchObject({ media: [{ sha256: first.json.sha256 }], next: null });

    const ref: MediaRef = {
      sha256: String(first.json.sha256),
      type: 'image/png',
      size: PNG.length,
    };
    const missing = { ...ref, sha256: 'a'.repeat(64) };
    const refused = await bed.call(
      'POST',
      '/campaigns',
      testDraft({ id: 'ghost', playlists: [imageItem(missing)] }),
    );
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({ code: 'unknown_media' });
    expect(refused.json.error.message).toContain("not in head office's media library");
    const wrongSize = await bed.call(
      'POST',
      '/campaigns',
      testDraft({ id: 'ghost', playlists: [imageItem({ ...ref, size: 5 })] }),
    );
    expect(wrongSize.json.error).toMatchObject({ code: 'unknown_media' });

    const published = await bed.call(
      'POST',
      '/campaigns',
      testDraft({ id: 'poster', playlists: [imageItem(ref)] }),
    );
    expect(published).toMatchObject({
      status: 201,
      json: { id: 'poster', revision: 1, audience: 'all' },
    });
    // What it was published as, for the editor; an unknown one is a 404.
    const draft = await bed.call('GET', '/campaigns/poster/draft');
    expect(draft.json).toEqual(testDraft({ id: 'poster', playlists: [imageItem(ref)] }));
    expect((await bed.call('GET', '/campaigns/nothing/draft')).json).toMatchObject({
      error: { code: 'campaign_not_found' },
    });
    const targeted = await bed.call(
      'POST',
      '/campaigns',
      testDraft({ id: 'west', targeting: { stores: ['S2'], regions: [], groups: [], tags: [] } }),
    );
    expect(targeted.json).toMatchObject({ revision: 1, audience: ['S2'] });
    expect((await bed.call('POST', '/campaigns/poster/withdraw')).json).toMatchObject({
      revision: 2,
    });
    const listed = await bed.call('GET', '/campaigns');
    expect(listed.json).toMatchObject({
      campaigns: [
        { id: 'poster', status: 'withdrawn', revision: 2, liveRevision: null },
        { id: 'west', status: 'published', liveRevision: 1, audience: ['S2'] },
      ],
      next: null,
    });
    expect((await bed.call('GET', '/campaigns?after=poster')).json).toMatchObject({
      campaigns: [{ id: 'west' }],
    });
  });

  it('answers every bad input with a 4xx and a code, never a 500', async () => {
    const calls: [string, Promise<{ status: number; json: unknown }>, number][] = [
      ['publish, no token', bed.call('POST', '/campaigns', testDraft(), { token: null }), 401],
      ['publish, broken JSON', bed.call('POST', '/campaigns', '{"id":'), 400],
      ['publish, not a campaign', bed.call('POST', '/campaigns', { id: 'x' }), 400],
      ['publish, bad id', bed.call('POST', '/campaigns', testDraft({ id: 'a.b' })), 400],
      [
        'publish, zone naming no playlist',
        bed.call(
          'POST',
          '/campaigns',
          testDraft({
            layout: {
              id: 'l',
              zones: [{ id: 'z', x: 0, y: 0, width: 100, height: 100, playlistId: 'nope' }],
            },
          }),
        ),
        400,
      ],
      [
        'publish, unknown store',
        bed.call(
          'POST',
          '/campaigns',
          testDraft({ targeting: { stores: ['nowhere'], regions: [], groups: [], tags: [] } }),
        ),
        400,
      ],
      [
        'publish, tags',
        bed.call(
          'POST',
          '/campaigns',
          testDraft({ targeting: { stores: [], regions: [], groups: [], tags: ['x'] } }),
        ),
        400,
      ],
      [
        'publish, too large',
        bed.call('POST', '/campaigns', { ...testDraft(), name: 'x'.repeat(600 * 1024) }),
        413,
      ],
      ['withdraw, never published', bed.call('POST', '/campaigns/never/withdraw'), 409],
      ['withdraw, bad id', bed.call('POST', '/campaigns/a.b/withdraw'), 400],
      [
        'withdraw, no token',
        bed.call('POST', '/campaigns/west/withdraw', undefined, {
          token: 'wrong-token-0123456789',
        }),
        401,
      ],
      ['list campaigns, bad cursor', bed.call('GET', '/campaigns?after=a.b'), 400],
      ['list media, bad cursor', bed.call('GET', '/media?after=xyz'), 400],
      ['list media, no token', bed.call('GET', '/media', undefined, { token: null }), 401],
      ['fleet, bad status', bed.call('GET', '/fleet?status=asleep'), 400],
      ['fleet, bad app', bed.call('GET', '/fleet?app=toaster'), 400],
      ['fleet, half a cursor', bed.call('GET', '/fleet?afterStore=S1'), 400],
      ['fleet, limit 0', bed.call('GET', '/fleet?limit=0'), 400],
      ['fleet, limit too big', bed.call('GET', '/fleet?limit=100000'), 400],
      ['fleet, bad store', bed.call('GET', '/fleet?store=a.b'), 400],
      ['fleet, no token', bed.call('GET', '/fleet', undefined, { token: null }), 401],
      ['upload, not media', upload('<html>not a picture</html>'), 415],
      ['upload, empty', upload(''), 400],
      ['upload, type mismatch', upload(PNG, { 'content-type': 'video/mp4' }), 415],
      ['upload, bad name', upload(PNG, {}, `?name=${'x'.repeat(300)}`), 400],
      ['upload, no token', upload(PNG, { authorization: '' }), 401],
      ['upload, declared too large', declaredTooLarge(), 413],
      ['upload, streamed past the cap', streamedTooLarge(), 413],
    ];
    const answers = await Promise.all(
      calls.map(async ([what, call, status]) => [
        what,
        (await call.catch((e: Error) => ({ status: -1, json: e.message }))).status,
        status,
      ]),
    );
    expect(bed.logs.filter((line) => line.msg === 'http: unexpected error')).toEqual([]);
    for (const [what, got, expected] of answers)
      expect(`${what}: ${got}`).toBe(`${what}: ${expected}`);
  });
});

describe('fleet', () => {
  const summary = (at: string, devices: FleetSummary['devices']): FleetSummary => ({
    v: 1,
    type: 'fleet',
    at,
    devices,
  });
  const kiosk = {
    deviceId: 'k1',
    app: 'kiosk',
    version: '2.0.0',
    status: 'online',
    lastContact: '2026-12-06T10:00:00.000Z',
  } as const;

  it('a bad summary is counted and skipped; a store’s next summary replaces its screens', async () => {
    const js = jetstream(bed.hqNats, { timeout: 5_000 });
    await js.publish(storeSubjects('S1').fleet, new TextEncoder().encode('{not json'));
    // FLEET keeps one summary per store: the next one would replace this one unread.
    const refused = () => bed.logs.some((line) => line.msg === 'fleet: a summary refused');
    await expect.poll(refused, { timeout: 15_000 }).toBe(true);
    await js.publish(
      storeSubjects('S1').fleet,
      encodeLinkMessage(
        summary('2026-12-06T10:00:00.000Z', [
          kiosk,
          { ...kiosk, deviceId: 'm1', app: 'mirror', status: 'offline' },
        ]),
      ),
    );
    await js.publish(
      storeSubjects('S2').fleet,
      encodeLinkMessage(
        summary('2026-12-06T10:00:00.000Z', [
          { ...kiosk, deviceId: 'sig', app: 'signage', showing: 'poster' },
        ]),
      ),
    );
    const fleet = async (query = '') =>
      (await bed.call('GET', `/fleet${query}`)).json as unknown as {
        screens: HqScreen[];
        next: unknown;
        counts: Record<string, number>;
      };
    await expect.poll(async () => (await fleet()).screens.length, { timeout: 15_000 }).toBe(3);
    expect(await fleet('?store=S2')).toMatchObject({
      screens: [
        {
          storeId: 'S2',
          deviceId: 'sig',
          app: 'signage',
          status: 'online',
          showing: 'poster',
          lastContact: kiosk.lastContact,
        },
      ],
      counts: { online: 1, offline: 0 },
    });
    expect((await fleet('?region=west&status=offline')).screens.map((s) => s.deviceId)).toEqual([
      'm1',
    ]);
    const first = await fleet('?limit=2');
    expect(first.next).toEqual({ store: 'S1', device: 'm1' });
    expect(
      (await fleet('?limit=2&afterStore=S1&afterDevice=m1')).screens.map((s) => s.deviceId),
    ).toEqual(['sig']);

    await js.publish(
      storeSubjects('S1').fleet,
      encodeLinkMessage(summary('2026-12-06T10:05:00.000Z', [kiosk])),
    );
    await expect
      .poll(async () => (await fleet('?store=S1')).screens.map((s) => s.deviceId), {
        timeout: 15_000,
      })
      .toEqual(['k1']);
    expect((await bed.call('GET', '/stores/S1')).json.lastSeenAt).not.toBeNull();
  });
});
