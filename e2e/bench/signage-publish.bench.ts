// Publish → showing on 200 players of one store. 200 Chromium pages do not fit
// on 2 cores, so each player is a Node device client running the renderer's
// own code over the real sync path: startDevice (Dexie over fake-indexeddb,
// replicator, MQTT over WebSocket to the store server's broker), CampaignSource
// (Ed25519 verification against the pinned head-office key), PlayerEngine and
// the playback loop, and the same "reload when the replicator's checkpoint
// moves" as use-player.ts. The clock runs from the publisher's approve call
// (signing included) until each player's engine shows the new revision.
// Not included: media download (the campaign is a ticker) and Chromium paint.
import { apiRoutes, callRoute, type Campaign, type TrustAnchor } from '@vitrine/shared/core';
import type { DeviceHandle } from '@vitrine/shared/client';
import { CampaignSource } from '../../signage/src/renderer/player/campaign-source';
import { startPlaybackLoop } from '../../signage/src/renderer/player/playback-loop';
import { PlayerEngine } from '../../signage/src/renderer/player/player-engine';
import { provisionDevice, startNodeDevice } from '../support/node-device';
import { startTestServer, waitFor } from '../support/test-server';
import { call, signIn } from '../signage/head-office';
import { percentile, round, type BenchResult } from './stats';

/** `shownAt` says when (performance.now) the engine first showed each campaign revision. */
type BenchPlayer = { shownAt: Map<string, number>; stop: () => void };

function startPlayer(device: DeviceHandle, anchor: TrustAnchor): BenchPlayer {
  const source = new CampaignSource(device.db, anchor, () => undefined);
  let campaigns: Campaign[] = [];
  const shownAt = new Map<string, number>();
  const engine = new PlayerEngine({
    timeZone: () => 'Europe/Paris',
    screen: () => ({ storeId: device.storeId, groups: [], tags: [] }),
    isPlayable: () => true,
    newPlayId: () => crypto.randomUUID(),
    record: () => undefined,
  });
  const stopLoop = startPlaybackLoop(() => {
    const now = Date.now();
    const frame = engine.tick(campaigns, now, performance.now());
    const showing =
      frame.mode === 'default' ? 'default' : `${frame.campaign.id}@${frame.campaign.revision}`;
    if (!shownAt.has(showing)) shownAt.set(showing, performance.now());
    return { frame, now };
  });
  let checkpoint = device.replicator.current.checkpoint;
  const unsubscribe = device.replicator.subscribe((state) => {
    if (state.checkpoint === checkpoint) return;
    checkpoint = state.checkpoint;
    void source.load().then((loaded) => (campaigns = loaded));
  });
  void source.load().then((loaded) => (campaigns = loaded));
  return {
    shownAt,
    stop: () => {
      stopLoop();
      unsubscribe();
    },
  };
}

const draft = (revision: number) => ({
  id: 'flash-sale',
  name: `Flash sale ${revision}`,
  layout: {
    id: 'full',
    zones: [{ id: 'main', x: 0, y: 0, width: 100, height: 100, playlistId: 'p' }],
  },
  playlists: [
    {
      id: 'p',
      items: [
        {
          id: 't',
          kind: 'ticker',
          durationMs: 5_000,
          text: { fr: `Vente ${revision}`, en: `Sale ${revision}` },
        },
      ],
    },
  ],
  targeting: { stores: [], regions: [], groups: [], tags: [] },
  schedule: { startDate: '2020-01-01', weekdays: [1, 2, 3, 4, 5, 6, 7], dayParts: [] },
  priority: 10,
  shareOfVoice: 1,
  emergency: false,
});

export async function benchSignagePublish(players = 200, publications = 5): Promise<BenchResult[]> {
  const server = await startTestServer({ demoScale: 50 });
  const devices: DeviceHandle[] = [];
  const running: BenchPlayer[] = [];
  try {
    for (let i = 0; i < players; i += 20) {
      devices.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(20, players - i) }, () =>
            startNodeDevice(server.url, provisionDevice(server, 'signage'), { app: 'signage' }),
          ),
        )),
      );
    }
    await waitFor(
      () => devices.every((device) => device.replicator.current.checkpoint === server.docs.head()),
      'all players synced',
      180_000,
    );
    const anchor = await callRoute({ baseUrl: server.url }, apiRoutes.campaigns.trustAnchor, {});
    running.push(...devices.map((device) => startPlayer(device, anchor)));
    const editor = await signIn(server.url, 'editor');
    const publisher = await signIn(server.url, 'publisher');

    const latencies: number[] = [];
    for (let n = 1; n <= publications; n++) {
      await call(server.url, editor, apiRoutes.campaigns.saveDraft, {
        params: { id: 'flash-sale' },
        body: draft(n),
      });
      await call(server.url, editor, apiRoutes.campaigns.submit, { params: { id: 'flash-sale' } });
      const wanted = `flash-sale@${n}`;
      const started = performance.now();
      const approved = await call(server.url, publisher, apiRoutes.campaigns.approve, {
        params: { id: 'flash-sale' },
      });
      if (approved.status !== 200) throw new Error(`approve: ${JSON.stringify(approved.body)}`);
      await waitFor(
        () => running.every((player) => player.shownAt.has(wanted)),
        `${wanted} on every player`,
        60_000,
      );
      for (const player of running) latencies.push(player.shownAt.get(wanted)! - started);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const p99 = percentile(latencies, 99);
    return [
      {
        name: `signage: publish → showing on ${players} players of one store`,
        metric: 'p99',
        value: round(p99),
        unit: 'ms',
        target: '≤ 2,000 ms',
        pass: p99 <= 2_000,
        detail: {
          p50: round(percentile(latencies, 50)),
          max: round(Math.max(...latencies)),
          samples: latencies.length,
          publications,
        },
      },
    ];
  } finally {
    running.forEach((player) => player.stop());
    await Promise.all(devices.map((device) => device.stop().catch(() => undefined)));
    await server.close();
  }
}
