// Which mirror each measuring station may send measurements to. Staff pair a
// station with one active mirror; the broker grants it that mirror's
// measurements topic, looked up live (embedded broker) or written to
// Mosquitto's acl_file on every change (docs/operations.md).
import { topics, type MeasuringStation } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import type { DeviceRecord, DeviceRegistry } from '../devices/registry';
import type { StationGrant } from '../broker/mosquitto-auth';

type PairingRefusal = {
  status: 404 | 409;
  code: 'unknown_station' | 'station_not_active' | 'unknown_mirror' | 'mirror_not_active';
  message: string;
};

export type PairingResult =
  { ok: true; station: MeasuringStation } | { ok: false; refusal: PairingRefusal };

const isActive = (device: DeviceRecord | undefined, role: DeviceRecord['role']) =>
  device?.role === role && device.status === 'active';

export class StationPairings {
  /** station id → mirror id, as stored (whatever the devices' status now). */
  private pairs = new Map<string, string>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly db: Db,
    private readonly registry: DeviceRegistry,
    private readonly storeId: string,
  ) {
    this.reload();
  }

  private reload(): void {
    const rows = this.db.prepare('SELECT station_id, mirror_id FROM station_pairings').all() as {
      station_id: string;
      mirror_id: string;
    }[];
    this.pairs = new Map(rows.map((row) => [row.station_id, row.mirror_id]));
  }

  /** Called after every pairing change. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The mirror `stationId` may publish to now: both must be active, the
   * station a measuring station and the mirror a mirror; otherwise null.
   */
  mirrorOf(stationId: string): string | null {
    const mirrorId = this.pairs.get(stationId);
    if (!mirrorId || !isActive(this.registry.get(stationId), 'measure')) return null;
    return isActive(this.registry.get(mirrorId), 'mirror') ? mirrorId : null;
  }

  /** Every station's current grant, for Mosquitto's acl_file. */
  brokerGrants(): StationGrant[] {
    return [...this.pairs.keys()].flatMap((stationId) => {
      const mirrorId = this.mirrorOf(stationId);
      return mirrorId ? [{ stationId, mirrorId }] : [];
    });
  }

  /** Pairs `stationId` with `mirrorId` (replacing any pairing), or unpairs it with null. */
  pair(stationId: string, mirrorId: string | null, pairedBy: string): PairingResult {
    const station = this.registry.get(stationId);
    if (station?.role !== 'measure')
      return refuse(404, 'unknown_station', `no measuring station ${stationId}`);
    if (station.status !== 'active')
      return refuse(409, 'station_not_active', `station ${stationId} is ${station.status}`);
    if (mirrorId === null) {
      this.db.prepare('DELETE FROM station_pairings WHERE station_id = ?').run(stationId);
    } else {
      const mirror = this.registry.get(mirrorId);
      if (mirror?.role !== 'mirror') return refuse(404, 'unknown_mirror', `no mirror ${mirrorId}`);
      if (mirror.status !== 'active')
        return refuse(409, 'mirror_not_active', `mirror ${mirrorId} is ${mirror.status}`);
      this.db
        .prepare(
          `INSERT INTO station_pairings (station_id, mirror_id, paired_by, paired_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (station_id) DO UPDATE SET mirror_id = excluded.mirror_id,
             paired_by = excluded.paired_by, paired_at = excluded.paired_at`,
        )
        .run(stationId, mirrorId, pairedBy, new Date().toISOString());
    }
    this.reload();
    for (const listener of this.listeners) listener();
    return { ok: true, station: this.describe(station) };
  }

  describe(station: DeviceRecord): MeasuringStation {
    const mirrorId = this.mirrorOf(station.id);
    return {
      stationId: station.id,
      name: station.name,
      status: station.status,
      mirrorId: this.pairs.get(station.id) ?? null,
      topic: mirrorId ? topics.measurements(this.storeId, mirrorId) : null,
    };
  }

  /** Every enrolled station that is not revoked. */
  list(): MeasuringStation[] {
    return this.registry
      .list()
      .filter((device) => device.role === 'measure' && device.status !== 'revoked')
      .map((device) => this.describe(device));
  }
}

function refuse(
  status: PairingRefusal['status'],
  code: PairingRefusal['code'],
  message: string,
): PairingResult {
  return { ok: false, refusal: { status, code, message } };
}
