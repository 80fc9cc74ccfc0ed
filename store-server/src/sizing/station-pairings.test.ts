import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { topics } from '@vitrine/shared/core';
import { openDatabase } from '../db/database';
import { DeviceRegistry } from '../devices/registry';
import { StationPairings } from './station-pairings';

function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrine-stations-'));
  const db = openDatabase(dataDir);
  const registry = new DeviceRegistry(db);
  const mirror = registry.upsertActive('mirror-1', 'mirror', 'Cabine 1', 'x'.repeat(32));
  const other = registry.upsertActive('mirror-2', 'mirror', 'Cabine 2', 'y'.repeat(32));
  const kiosk = registry.upsertActive('kiosk-1', 'kiosk', 'Entrée', 'z'.repeat(32));
  const { device: station } = registry.enrol('measure', 'Scanner 3D');
  const pairings = new StationPairings(db, registry, 's1');
  return { dataDir, db, registry, pairings, mirror, other, kiosk, station };
}

describe('measuring station pairings', () => {
  it('enrols a station in the same registry, pending with a pairing code', () => {
    const { station } = setup();
    expect(station.id).toMatch(/^measure-[0-9a-f]{12}$/);
    expect(station.status).toBe('pending');
    expect(station.pairingCode).toMatch(/^\d{6}$/);
  });

  it('pairs an active station with an active mirror, re-pairs and unpairs', () => {
    const { registry, pairings, mirror, other, station } = setup();
    expect(pairings.pair(station.id, mirror.id, 'staff').ok).toBe(false); // still pending
    registry.approveByCode(station.pairingCode!);
    const changes: number[] = [];
    pairings.onChange(() => changes.push(1));

    const paired = pairings.pair(station.id, mirror.id, 'staff');
    expect(paired).toEqual({
      ok: true,
      station: expect.objectContaining({
        mirrorId: mirror.id,
        topic: topics.measurements('s1', mirror.id),
      }) as unknown,
    });
    expect(pairings.mirrorOf(station.id)).toBe(mirror.id);
    expect(pairings.brokerGrants()).toEqual([{ stationId: station.id, mirrorId: mirror.id }]);

    pairings.pair(station.id, other.id, 'manager');
    expect(pairings.mirrorOf(station.id)).toBe(other.id);
    pairings.pair(station.id, null, 'manager');
    expect(pairings.mirrorOf(station.id)).toBeNull();
    expect(pairings.brokerGrants()).toEqual([]);
    expect(changes).toHaveLength(3);
  });

  it('refuses an unknown station, a screen, an unknown or inactive mirror, and changes nothing', () => {
    const { registry, pairings, mirror, other, kiosk, station } = setup();
    registry.approveByCode(station.pairingCode!);
    pairings.pair(station.id, mirror.id, 'staff');
    registry.revoke(other.id);
    const refusal = (stationId: string, mirrorId: string | null) => {
      const result = pairings.pair(stationId, mirrorId, 'staff');
      return result.ok ? 'ok' : `${result.refusal.status} ${result.refusal.code}`;
    };
    expect(refusal('measure-nope', mirror.id)).toBe('404 unknown_station');
    expect(refusal(kiosk.id, mirror.id)).toBe('404 unknown_station');
    expect(refusal(station.id, 'mirror-nope')).toBe('404 unknown_mirror');
    expect(refusal(station.id, kiosk.id)).toBe('404 unknown_mirror');
    expect(refusal(station.id, other.id)).toBe('409 mirror_not_active');
    expect(pairings.mirrorOf(station.id)).toBe(mirror.id);
  });

  it('grants nothing once the station or its mirror is revoked, and survives a restart', () => {
    const { dataDir, db, registry, pairings, mirror, station } = setup();
    registry.approveByCode(station.pairingCode!);
    pairings.pair(station.id, mirror.id, 'staff');
    db.close();
    const reopened = openDatabase(dataDir);
    const registry2 = new DeviceRegistry(reopened);
    const pairings2 = new StationPairings(reopened, registry2, 's1');
    expect(pairings2.mirrorOf(station.id)).toBe(mirror.id);
    registry2.revoke(mirror.id);
    expect(pairings2.mirrorOf(station.id)).toBeNull();
    expect(pairings2.list()[0]).toMatchObject({ mirrorId: mirror.id, topic: null });
    registry2.revoke(station.id);
    expect(pairings2.list()).toEqual([]);
    expect(registry.get(station.id)?.role).toBe('measure');
  });
});
