// The player's decisions, free of DOM and React so a Node benchmark runs the
// very same code: which campaign and which item each zone shows at a given
// time, when to switch, and the proof-of-play start/end of every play,
// recorded exactly once per transition.
import {
  contendersAt,
  cycleLength,
  nextPosition,
  pickBySlot,
  positionAt,
  type Campaign,
  type Playlist,
  type Position,
  type ScreenProfile,
  type Zone,
} from '@vitrine/shared/core';

export type ZoneFrame = { zone: Zone; playlist: Playlist; current: Position; next: Position };
export type Frame =
  | { mode: 'default'; key: string }
  | { mode: 'emergency' | 'scheduled'; key: string; campaign: Campaign; zones: ZoneFrame[] };

export type PlayEvent = {
  campaignId: string;
  itemId: string;
  playId: string;
  phase: 'start' | 'end';
  durationMs?: number;
  interrupted?: boolean;
};
/** A play on screen now and how long it has run, kept so a reload can close it as interrupted. */
export type OpenPlay = { campaignId: string; itemId: string; playId: string; durationMs: number };

type Showing = { campaign: Campaign; anchor: number; slot: number };
type Open = {
  playKey: string;
  playId: string;
  campaignId: string;
  itemId: string;
  startedAt: number;
};

/** Clock moves this far from the monotonic clock between ticks: a jump, reported. */
const CLOCK_JUMP_MS = 2_000;

export class PlayerEngine {
  private showing: Showing | null = null;
  private slot = 0;
  private readonly open = new Map<string, Open>();
  private lastTick: { wall: number; mono: number } | null = null;
  /** Plays started and ended since this engine started (diagnostics, tests). */
  readonly plays = { started: 0, ended: 0 };

  constructor(
    private readonly options: {
      timeZone: () => string;
      screen: () => ScreenProfile;
      /** A media item may play only once its file is cached and verified. */
      isPlayable: (sha256: string) => boolean;
      record: (event: PlayEvent) => void;
      onClockJump?: (deltaMs: number) => void;
      newPlayId: () => string;
    },
  ) {}

  /** `now` is the corrected (server-aligned) wall clock; `mono` a monotonic clock. */
  tick(campaigns: readonly Campaign[], now: number, mono = now): Frame {
    this.detectClockJump(now, mono);
    const contenders = contendersAt(campaigns, now, {
      timeZone: this.options.timeZone(),
      screen: this.options.screen(),
    });
    const frame = contenders ? this.frameFor(contenders, now) : null;
    this.recordTransitions(frame, now);
    return frame ?? { mode: 'default', key: 'default' };
  }

  private frameFor(
    contenders: { mode: 'emergency' | 'scheduled'; campaigns: Campaign[] },
    now: number,
  ): Frame | null {
    const live = contenders.campaigns.filter(
      (campaign) => this.playableZones(campaign, 0, now).length > 0,
    );
    if (live.length === 0) return null;
    let showing = this.showing;
    const still = showing && live.find((campaign) => campaign.id === showing!.campaign.id);
    const cycleOver =
      showing !== null && live.length > 1 && now >= showing.anchor + this.cycleOf(showing.campaign);
    if (!showing || !still || still.revision !== showing.campaign.revision || cycleOver) {
      this.slot = showing ? this.slot + 1 : 0;
      const campaign = pickBySlot(live, this.slot);
      // A sync group shares anchor 0 on the corrected clock: every screen agrees.
      showing = { campaign, anchor: campaign.syncGroup ? 0 : now, slot: this.slot };
      this.showing = showing;
    }
    return {
      mode: contenders.mode,
      key: `${showing.campaign.id}@${showing.campaign.revision}#${showing.slot}`,
      campaign: showing.campaign,
      zones: this.playableZones(showing.campaign, showing.anchor, now),
    };
  }

  private playable(playlist: Playlist): Playlist | null {
    const items = playlist.items.filter(
      (item) =>
        (item.kind !== 'image' && item.kind !== 'video') ||
        this.options.isPlayable(item.media.sha256),
    );
    return items.length === 0 ? null : { ...playlist, items };
  }

  private playableZones(campaign: Campaign, anchor: number, now: number): ZoneFrame[] {
    const zones: ZoneFrame[] = [];
    for (const zone of campaign.layout.zones) {
      const source = campaign.playlists.find((playlist) => playlist.id === zone.playlistId);
      const playlist = source ? this.playable(source) : null;
      if (!playlist) continue;
      const current = positionAt(playlist, anchor, now);
      zones.push({ zone, playlist, current, next: nextPosition(playlist, current) });
    }
    return zones;
  }

  private cycleOf(campaign: Campaign): number {
    return Math.max(...campaign.playlists.map((playlist) => cycleLength(playlist)));
  }

  /** One start when an item begins, one end when it stops, never twice. */
  private recordTransitions(frame: Frame | null, now: number): void {
    const seen = new Set<string>();
    if (frame && frame.mode !== 'default') {
      for (const zoneFrame of frame.zones) {
        const zoneKey = zoneFrame.zone.id;
        seen.add(zoneKey);
        const { current } = zoneFrame;
        const playKey = `${frame.key}/${current.cycle}/${current.index}/${current.item.id}`;
        const open = this.open.get(zoneKey);
        if (open?.playKey === playKey) continue;
        if (open) this.close(open, now);
        const play: Open = {
          playKey,
          playId: this.options.newPlayId(),
          campaignId: frame.campaign.id,
          itemId: current.item.id,
          startedAt: now,
        };
        this.open.set(zoneKey, play);
        this.plays.started++;
        this.options.record({
          campaignId: play.campaignId,
          itemId: play.itemId,
          playId: play.playId,
          phase: 'start',
        });
      }
    }
    for (const [zoneKey, open] of this.open) {
      if (seen.has(zoneKey)) continue;
      this.close(open, now);
      this.open.delete(zoneKey);
    }
  }

  openPlays(now: number): OpenPlay[] {
    return [...this.open.values()].map((open) => ({
      campaignId: open.campaignId,
      itemId: open.itemId,
      playId: open.playId,
      durationMs: Math.max(0, Math.round(now - open.startedAt)),
    }));
  }

  private close(open: Open, now: number): void {
    this.plays.ended++;
    this.options.record({
      campaignId: open.campaignId,
      itemId: open.itemId,
      playId: open.playId,
      phase: 'end',
      durationMs: Math.max(0, Math.round(now - open.startedAt)),
    });
  }

  private detectClockJump(now: number, mono: number): void {
    const last = this.lastTick;
    this.lastTick = { wall: now, mono };
    if (!last) return;
    const delta = now - last.wall - (mono - last.mono);
    if (Math.abs(delta) > CLOCK_JUMP_MS) {
      this.options.onClockJump?.(delta);
      // Restart the rotation from now rather than skipping or replaying items.
      if (this.showing && !this.showing.campaign.syncGroup) this.showing.anchor = now;
    }
  }
}
