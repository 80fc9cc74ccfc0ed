// Tells head office about this store's screens: a fleet summary (every active device, its app,
// version, online or not, last contact) on the store's fleet subject, every minute and soon after
// a screen is added, removed, comes or goes (looked at every couple of seconds). The FLEET stream keeps only the latest per store, so a summary that
// could not be sent is simply replaced by the next one.
import type { JetStreamClient } from '@nats-io/jetstream';
import {
  encodeLinkMessage,
  LINK_VERSION,
  pause,
  storeSubjects,
  type CounterFlagKind,
  type FleetDevice,
  type FleetSummary,
} from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import type { PresenceRow, PresenceTracker } from '../devices/presence';
import type { DeviceRegistry } from '../devices/registry';

const EVERY_MS = 60_000;
/** How often presence is looked at; a burst of changes (screens restarting) is one summary. */
const SETTLE_MS = 2_000;
const SCREEN_APPS = new Set(['kiosk', 'signage', 'mirror']);
/** A counter that pushed within this long is online (they push at least every quarter hour). */
const COUNTER_ONLINE_MS = 60 * 60_000;

/** A people counter's health, from the store's insights (insights-domain.ts). */
export interface CounterHealth {
  id: string;
  lastPushAt: string | null;
  flags: CounterFlagKind[];
}

function counterEntry(
  device: ReturnType<DeviceRegistry['list']>[number],
  health: CounterHealth | undefined,
  now: Date,
): FleetDevice {
  const lastPush = health?.lastPushAt ? Date.parse(health.lastPushAt) : NaN;
  return {
    deviceId: device.id,
    app: 'counter',
    version: '',
    status: now.getTime() - lastPush <= COUNTER_ONLINE_MS ? 'online' : 'offline',
    lastContact: health?.lastPushAt ?? device.approvedAt ?? device.createdAt,
    flags: health?.flags ?? [],
  };
}

function fleetSummary(
  devices: ReturnType<DeviceRegistry['list']>,
  presence: PresenceRow[],
  counters: CounterHealth[],
  now: Date,
): FleetSummary {
  const seen = new Map(presence.map((row) => [row.deviceId, row]));
  const health = new Map(counters.map((counter) => [counter.id, counter]));
  const fleet: FleetDevice[] = [];
  for (const device of devices) {
    if (device.status !== 'active') continue;
    if (device.role === 'counter') {
      fleet.push(counterEntry(device, health.get(device.id), now));
      continue;
    }
    if (!SCREEN_APPS.has(device.role)) continue;
    const row = seen.get(device.id);
    fleet.push({
      deviceId: device.id,
      app: device.role as FleetDevice['app'],
      version: (row?.version ?? 'unknown').slice(0, 32),
      status: row?.online ? 'online' : 'offline',
      // Connected now, or when it was last seen going (never seen: when it was approved).
      lastContact: row?.online
        ? now.toISOString()
        : (row?.changedAt ?? device.approvedAt ?? device.createdAt),
      ...(row?.showing ? { showing: row.showing.slice(0, 200) } : {}),
    });
  }
  return { v: LINK_VERSION, type: 'fleet', at: now.toISOString(), devices: fleet };
}

export class FleetReport {
  private readonly stop = new AbortController();
  private running: Promise<void> | null = null;
  sent = 0;

  constructor(
    private readonly storeId: string,
    private readonly parts: {
      registry: DeviceRegistry;
      presence: PresenceTracker;
      /** The people counters' health; none when the store runs without insights. */
      counters?: () => CounterHealth[];
    },
    private readonly js: () => JetStreamClient | null,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.running ??= this.run();
  }

  async close(): Promise<void> {
    this.stop.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    let last = 0;
    let sentScreens = '';
    while (!this.stop.signal.aborted) {
      const presence = this.parts.presence.list();
      // Which screens there are and which are online: a change is worth a summary at once.
      const online = new Set(presence.filter((row) => row.online).map((row) => row.deviceId));
      const screens = this.parts.registry
        .list()
        .filter((device) => device.status === 'active')
        .map((device) => `${device.id}${online.has(device.id) ? '+' : '-'}`)
        .join(' ');
      const js = this.js();
      if (js && (Date.now() - last >= EVERY_MS || screens !== sentScreens)) {
        if (await this.send(js, presence)) {
          last = Date.now();
          sentScreens = screens;
        }
      }
      await pause(SETTLE_MS, this.stop.signal);
    }
  }

  private async send(js: JetStreamClient, presence: PresenceRow[]): Promise<boolean> {
    const summary = fleetSummary(
      this.parts.registry.list(),
      presence,
      this.parts.counters?.() ?? [],
      new Date(),
    );
    try {
      await js.publish(storeSubjects(this.storeId).fleet, encodeLinkMessage(summary), {
        timeout: 10_000,
      });
      this.sent++;
      return true;
    } catch (error) {
      this.log.warn({ error: String(error) }, 'head office link: fleet summary not sent yet');
      return false;
    }
  }
}
