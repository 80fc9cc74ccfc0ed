// Runs the player against the device's local copy: verified campaigns, the
// media cache for the next days, the engine's frame whenever an item is due
// (playback-loop.ts), proof of play through the outbox, heartbeats and the
// clock offset. New campaigns are read as soon as the replicator commits them.
import { useEffect, useRef, useState } from 'react';
import {
  campaignMedia,
  localMoment,
  scheduleTouchesDays,
  type Campaign,
  type DeviceCredential,
  type MediaRef,
  type ScreenProfile,
  type TrustAnchor,
} from '@vitrine/shared/core';
import type { DeviceHandle } from '@vitrine/shared/client';
import { CampaignSource, loadTrustAnchor } from './campaign-source';
import { estimateClockOffset, reportFault, sendHeartbeat, type PlayerServer } from './device-api';
import { MediaCache } from './media-cache';
import { startPlaybackLoop } from './playback-loop';
import { saveOpenPlays, takeInterruptedPlays } from './interrupted-plays';
import { PlayerEngine, type Frame } from './player-engine';

const RELOAD_MS = 2_000;
/** How often the plays on screen are noted for a reload to close (also on pagehide). */
const SAVE_OPEN_PLAYS_MS = 1_000;
const HEARTBEAT_MS = 30_000;
/** Media for campaigns that may play within this many days is fetched ahead. */
const PREFETCH_DAYS = 3;

type Plays = { started: number; ended: number };
export type PlayerView = {
  frame: Frame;
  plays: Plays;
  media: MediaCache | null;
  storeId: string;
  /** The screen's language from its profile (set in the fleet view), never the OS locale. */
  lang: Lang;
  /** The store's IANA zone from the screen's profile: schedules and the default screen's clock. */
  timeZone: string;
};
type Lang = 'fr' | 'en';
/** A screen whose profile names no language speaks the store's default. */
const DEFAULT_LANG: Lang = 'fr';

export function usePlayer(
  device: DeviceHandle,
  options: {
    baseUrl: string;
    credential: DeviceCredential;
    version: string;
    headOfficeKey?: TrustAnchor | undefined;
  },
): PlayerView {
  const [view, setView] = useState<{ frame: Frame; plays: Plays }>({
    frame: { mode: 'default', key: 'default' },
    plays: { started: 0, ended: 0 },
  });
  const [media, setMedia] = useState<MediaCache | null>(null);
  const [lang, setLang] = useState<Lang>(DEFAULT_LANG);
  const [zone, setZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const frameKey = useRef('');

  useEffect(() => {
    const server: PlayerServer = { ...options, deviceId: device.deviceId };
    const fault = (kind: string, detail: string) => void reportFault(server, kind, detail);
    const timers: ReturnType<typeof setInterval>[] = [];
    let stopped = false;
    let stopLoop: () => void = () => undefined;
    let unsubscribe: () => void = () => undefined;
    let campaigns: Campaign[] = [];
    let offset = 0;
    // Tells the fleet view at once when what the screen shows changes (set once heartbeats start).
    let announce: () => void = () => undefined;
    let announced = '';
    let timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    let screen: ScreenProfile = { storeId: device.storeId, groups: [], tags: [] };
    const cache = new MediaCache(options.baseUrl, fault, () => undefined);
    const engine = new PlayerEngine({
      timeZone: () => timeZone,
      screen: () => screen,
      isPlayable: (sha) => cache.isReady(sha),
      newPlayId: () => crypto.randomUUID(),
      record: (payload) => void device.outbox.record({ kind: 'proof-of-play', payload }),
      onClockJump: (delta) =>
        fault('clock-jump', `wall clock moved ${Math.round(delta)} ms against the monotonic clock`),
    });

    // Plays a previous page left open (a reload, a crash) end now, as interrupted.
    for (const end of takeInterruptedPlays()) {
      void device.outbox.record({ kind: 'proof-of-play', payload: end });
    }
    let savedAt = 0;
    let lastKey = '';
    const saveOpen = () => saveOpenPlays(engine.openPlays(Date.now() + offset));
    window.addEventListener('pagehide', saveOpen);

    const render = () => {
      const now = Date.now() + offset;
      const next = engine.tick(campaigns, now, performance.now());
      if (now - savedAt >= SAVE_OPEN_PLAYS_MS || next.key !== lastKey) {
        lastKey = next.key;
        savedAt = now;
        saveOpen();
      }
      const key =
        next.mode === 'default'
          ? 'default'
          : `${next.key}|${next.zones.map((zone) => `${zone.zone.id}:${zone.current.cycle}.${zone.current.index}.${zone.playlist.items.length}`).join(',')}`;
      if (key !== frameKey.current) {
        frameKey.current = key;
        const showing =
          next.mode === 'default' ? 'default' : `${next.campaign.id}@${next.campaign.revision}`;
        if (showing !== announced) {
          announced = showing;
          announce();
        }
        setView({ frame: next, plays: { ...engine.plays } });
      }
      return { frame: next, now };
    };

    const reload = async (source: CampaignSource) => {
      campaigns = await source.load();
      const profile = await source.profile(device.deviceId);
      if (profile) {
        timeZone = profile.timeZone;
        setZone(profile.timeZone);
        setLang(profile.lang ?? DEFAULT_LANG);
        screen = {
          storeId: profile.storeId,
          region: profile.region,
          groups: profile.groups,
          tags: profile.tags,
        };
      }
      const today = localMoment(Date.now(), timeZone).date;
      const wanted = new Map<string, MediaRef>();
      for (const campaign of campaigns) {
        if (!scheduleTouchesDays(campaign.schedule, today, PREFETCH_DAYS)) continue;
        for (const ref of campaignMedia(campaign)) wanted.set(ref.sha256, ref);
      }
      await cache.sync([...wanted.values()]);
    };

    void (async () => {
      await cache.open().catch((error: Error) => fault('media-cache', error.message));
      const anchor = await loadTrustAnchor(
        device.db,
        options.baseUrl,
        fault,
        options.headOfficeKey,
      );
      if (stopped) return;
      setMedia(cache);
      stopLoop = startPlaybackLoop(render);
      if (!anchor) {
        fault('no-trust-anchor', 'no head-office key yet: showing the default screen only');
        return;
      }
      const source = new CampaignSource(device.db, anchor, (id, reason, kind) =>
        fault(kind, `campaign ${id} refused: ${reason}`),
      );
      const refresh = () =>
        void reload(source).catch((error: Error) => fault('player-reload', error.message));
      refresh();
      timers.push(setInterval(refresh, RELOAD_MS));
      let checkpoint = device.replicator.current.checkpoint;
      unsubscribe = device.replicator.subscribe((state) => {
        if (state.checkpoint === checkpoint) return;
        checkpoint = state.checkpoint;
        refresh();
      });
      const report = async () => {
        const current = engine.tick(campaigns, Date.now() + offset, performance.now());
        await sendHeartbeat(server, {
          v: 1,
          appVersion: options.version,
          at: new Date().toISOString(),
          showing:
            current.mode === 'default'
              ? { mode: 'default' }
              : {
                  mode: current.mode,
                  campaignId: current.campaign.id,
                  revision: current.campaign.revision,
                },
          cache: cache.state(),
          refusedCampaigns: source.refusedCount,
          clockOffsetMs: Math.round(offset),
        });
      };
      const beat = async () => {
        offset = (await estimateClockOffset(server)) ?? offset;
        await report();
      };
      void beat();
      timers.push(setInterval(() => void beat(), HEARTBEAT_MS));
      announce = () => void report();
    })();
    return () => {
      stopped = true;
      window.removeEventListener('pagehide', saveOpen);
      stopLoop();
      unsubscribe();
      timers.forEach((timer) => clearInterval(timer));
    };
  }, [device, options.baseUrl, options.credential, options.version, options.headOfficeKey]);

  return { ...view, media, storeId: device.storeId, lang, timeZone: zone };
}
