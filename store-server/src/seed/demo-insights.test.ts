// The demo's counters and till: four weeks of opening hours, nothing on Sundays or after "now",
// the day's figures read from what was stored, and seeding again changes nothing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, epochOfLocal } from '@vitrine/shared/core';
import { createLogger } from '@vitrine/shared/node';
import { CatalogueStore } from '../catalogue/catalogue-store';
import { openDatabase } from '../db/database';
import { DeviceRegistry } from '../devices/registry';
import { dayFigures } from '../insights/day-figures';
import { DirtyDays } from '../insights/figures-out';
import { FootfallStore } from '../insights/footfall-store';
import { SalesStore } from '../insights/sales-store';
import { staffingHints } from '../insights/staffing';
import { StaffStore } from '../staff/staff-store';
import { DocStore } from '../sync/doc-store';
import { seedDemoInsights } from './demo-insights';
import { seedDemoStore } from './demo-seed';

const ZONE = 'Europe/Paris';
// Saturday 5 December 2026, 15:30 in Paris.
const NOW = epochOfLocal('2026-12-05', '15:30', ZONE);

async function demoStore() {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrine-demo-insights-'));
  const db = openDatabase(dataDir);
  const docs = new DocStore(db);
  const registry = new DeviceRegistry(db);
  await seedDemoStore({
    db,
    docs,
    dataDir,
    catalogue: new CatalogueStore(db, docs),
    registry,
    staff: new StaffStore(db),
    scale: 40,
    log: createLogger('silent', { store: 'test' }),
    today: new Date(NOW),
  });
  const dirty = new DirtyDays(db, ZONE);
  const parts = {
    db,
    registry,
    footfall: new FootfallStore(db, dirty, ZONE, () => NOW),
    sales: new SalesStore(db, dirty, 'EUR', ZONE, () => NOW),
    timeZone: ZONE,
  };
  return { db, registry, parts };
}

const figures = (db: ReturnType<typeof openDatabase>, date: string) =>
  dayFigures(db, { storeId: 'paris-rivoli', date, timeZone: ZONE, currency: 'EUR', now: NOW });

describe('the demo store’s footfall and till', () => {
  it('counts and sells through four weeks of opening hours, up to now, and seeds once', async () => {
    const { db, registry, parts } = await demoStore();
    seedDemoInsights(parts, 28, NOW);
    expect(
      registry
        .list()
        .filter((device) => device.role === 'counter')
        .map((device) => device.id),
    ).toEqual(['demo-counter-entrance', 'demo-counter-side']);

    const saturday = figures(db, '2026-12-05');
    // Open from 09:00; the 15:00 hour is not over at 15:30, so 09:00–14:00 only.
    const counted = saturday.hours.filter((hour) => hour.visitors > 0).map((hour) => hour.label);
    expect(counted).toEqual(['09:00', '10:00', '11:00', '12:00', '13:00', '14:00']);
    const stored = db
      .prepare(`SELECT SUM(count_in) FROM footfall_periods WHERE start >= ? AND start < ?`)
      .pluck()
      .get(
        new Date(epochOfLocal('2026-12-05', '00:00', ZONE)).toISOString(),
        new Date(NOW).toISOString(),
      ) as number;
    expect(saturday.totals.visitors).toBe(stored);
    expect(saturday.totals.transactions).toBeGreaterThan(0);
    expect(saturday.totals.conversion).toBeGreaterThan(0.1);
    expect(saturday.totals.conversion).toBeLessThan(0.4);
    expect(saturday.totals.averageBasket).toBeGreaterThan(0);
    expect(saturday.flags).toEqual([]);

    // Sunday the store is closed; four weeks back is the first day seeded, a Sunday too.
    expect(figures(db, '2026-11-29').totals.visitors).toBe(0);
    expect(figures(db, addDays('2026-12-05', -27)).totals.visitors).toBe(0);
    expect(figures(db, addDays('2026-12-05', -26)).totals.visitors).toBeGreaterThan(0);
    expect(figures(db, addDays('2026-12-05', -28)).totals.visitors).toBe(0);

    // The plan and the counts name hours that need another person.
    const hints = staffingHints(db, { timeZone: ZONE, weeks: 4, now: NOW });
    expect(hints.needMore.length).toBeGreaterThan(0);
    expect(hints.hours.some((hour) => hour.staff > 0)).toBe(true);

    // Seeding again (each start, each quarter hour) stores the same rows: nothing twice.
    const rows = () => ({
      periods: db.prepare('SELECT COUNT(*), SUM(count_in) FROM footfall_periods').raw().get(),
      receipts: db.prepare('SELECT COUNT(*), SUM(total) FROM sales_receipts').raw().get(),
    });
    const before = rows();
    seedDemoInsights(parts, 28, NOW);
    expect(rows()).toEqual(before);
    expect(figures(db, '2026-12-05').totals).toEqual(saturday.totals);
  });
});
