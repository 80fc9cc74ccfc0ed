// Each signage screen as head office sees it: presence (birth / Last Will),
// the last heartbeat (showing, cache, version), its targeting profile, and an
// alert when it has been offline for too long.
import {
  ScreenHeartbeat,
  ScreenProfileDoc,
  parseUnknown,
  type ScreenView,
} from '@vitrine/shared/core';
import type { Db } from '../db/database';
import type { PresenceTracker } from '../devices/presence';
import type { DeviceRegistry } from '../devices/registry';
import type { DocStore } from '../sync/doc-store';

export class FleetStore {
  constructor(
    private readonly db: Db,
    private readonly registry: DeviceRegistry,
    private readonly presence: PresenceTracker,
    private readonly docs: DocStore,
  ) {}

  recordHeartbeat(deviceId: string, heartbeat: ScreenHeartbeat): void {
    this.db
      .prepare(
        `INSERT INTO screen_state (device_id, body, received_at) VALUES (?, ?, ?)
         ON CONFLICT (device_id) DO UPDATE SET body = excluded.body, received_at = excluded.received_at`,
      )
      .run(deviceId, JSON.stringify(heartbeat), new Date().toISOString());
  }

  /** Renames a screen for the fleet view; returns the name kept. */
  rename(deviceId: string, name: string, userId: string): string {
    this.db
      .prepare(
        `INSERT INTO screen_names (device_id, name, renamed_by, renamed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (device_id) DO UPDATE SET name = excluded.name,
           renamed_by = excluded.renamed_by, renamed_at = excluded.renamed_at`,
      )
      .run(deviceId, name, userId, new Date().toISOString());
    return name;
  }

  setProfile(profile: ScreenProfileDoc): void {
    this.docs.write([{ c: 'screens', id: profile.id, body: profile }]);
  }

  /** Gives every active screen without a profile a default one (its store, no groups). */
  ensureProfiles(storeId: string, timeZone: string): void {
    const missing = this.registry
      .list()
      .filter((device) => device.role === 'signage' && device.status === 'active')
      .filter((device) => this.docs.get('screens', device.id) === undefined);
    if (missing.length === 0) return;
    this.docs.write(
      missing.map((device) => ({
        c: 'screens' as const,
        id: device.id,
        body: { id: device.id, storeId, timeZone, groups: [], tags: [] } satisfies ScreenProfileDoc,
      })),
    );
  }

  list(offlineAlertMs: number, now = Date.now()): ScreenView[] {
    const states = new Map(
      (
        this.db.prepare('SELECT device_id, body, received_at FROM screen_state').all() as {
          device_id: string;
          body: string;
          received_at: string;
        }[]
      ).map((row) => [row.device_id, row]),
    );
    const presence = new Map(this.presence.list().map((row) => [row.deviceId, row]));
    const names = new Map(
      (
        this.db.prepare('SELECT device_id, name FROM screen_names').all() as {
          device_id: string;
          name: string;
        }[]
      ).map((row) => [row.device_id, row.name]),
    );
    return this.registry
      .list()
      .filter((device) => device.role === 'signage' && device.status === 'active')
      .map((device) => {
        const state = states.get(device.id);
        const seen = presence.get(device.id);
        const heartbeat = state ? parseUnknown(ScreenHeartbeat, JSON.parse(state.body)) : undefined;
        const profile = parseUnknown(ScreenProfileDoc, this.docs.get('screens', device.id));
        const online = seen?.online ?? false;
        const lastSign = Math.max(
          state ? Date.parse(state.received_at) : 0,
          seen ? Date.parse(seen.changedAt) : 0,
        );
        return {
          deviceId: device.id,
          name: names.get(device.id) ?? device.name,
          online,
          since: seen?.changedAt ?? null,
          lastHeartbeat: state?.received_at ?? null,
          heartbeat: heartbeat?.ok ? heartbeat.value : null,
          profile: profile.ok ? profile.value : null,
          alert: !online && now - lastSign > offlineAlertMs,
        };
      });
  }
}
