import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MeasurementsMessage } from '@vitrine/shared/core';
import { openDatabase } from '../db/database';
import { DeviceRegistry } from '../devices/registry';
import { createLogger } from '@vitrine/shared/node';
import { MeasurementRelay } from './measurement-relay';

function setup() {
  const db = openDatabase(mkdtempSync(join(tmpdir(), 'vitrine-measure-')));
  const registry = new DeviceRegistry(db);
  const mirror = registry.upsertActive('mirror-test-1', 'mirror', 'Cabine 1', 'x'.repeat(32));
  const kiosk = registry.upsertActive('kiosk-test-1', 'kiosk', 'Entrée', 'y'.repeat(32));
  return {
    relay: new MeasurementRelay(registry, createLogger('silent', { store: 'test' })),
    mirror,
    kiosk,
  };
}

const now = Date.parse('2026-11-23T10:00:00Z');
const message = (at = new Date(now).toISOString(), measurements: object = { chest: 96 }) =>
  JSON.stringify({ v: 1, type: 'measurements', source: 'Scanner', at, measurements });

describe('MeasurementRelay', () => {
  it('hands a valid message to that mirror only, and only while it listens', () => {
    const { relay, mirror } = setup();
    const got: MeasurementsMessage[] = [];
    const stop = relay.listen(mirror.id, (m) => got.push(m));
    expect(relay.accept(mirror.id, message(), now)).toBe(true);
    stop();
    expect(relay.accept(mirror.id, message(), now)).toBe(true);
    expect(got.map((m) => m.measurements)).toEqual([{ chest: 96 }]);
  });

  it('drops messages for a non-mirror or unknown device, malformed, implausible or stale ones', () => {
    const { relay, mirror, kiosk } = setup();
    const got: unknown[] = [];
    relay.listen(mirror.id, (m) => got.push(m));
    relay.listen(kiosk.id, (m) => got.push(m));
    expect(relay.accept(kiosk.id, message(), now)).toBe(false);
    expect(relay.accept('mirror-unknown', message(), now)).toBe(false);
    expect(relay.accept(mirror.id, '{"v":1', now)).toBe(false);
    expect(relay.accept(mirror.id, message(undefined, { chest: 500 }), now)).toBe(false);
    expect(relay.accept(mirror.id, message('2026-11-23T09:00:00.000Z'), now)).toBe(false);
    expect(got).toEqual([]);
  });
});
