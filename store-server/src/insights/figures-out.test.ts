// A store's figures for head office, on a real SQLite: outside a chain nothing is owed; a store
// that joins a chain sends the days it counted before it joined (once, newest first, a batch of
// days per flush), and a day sent again only when its figures change.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { epochOfLocal } from '@vitrine/shared/core';
import { createLogger } from '@vitrine/shared/node';
import { openDatabase } from '../db/database';
import { DirtyDays, startFiguresOut } from './figures-out';
import { FootfallStore } from './footfall-store';
import { ServerEvents } from './server-events';

const ZONE = 'Europe/Paris';
const NOW = epochOfLocal('2026-12-05', '20:00', ZONE);

function store() {
  const db = openDatabase(mkdtempSync(join(tmpdir(), 'vitrine-figures-out-')));
  const footfall = new FootfallStore(db, new DirtyDays(db, ZONE), ZONE, () => NOW);
  footfall.addCounter('door', 'generic', true);
  const out = startFiguresOut({
    db,
    events: new ServerEvents(db),
    storeId: 'paris-rivoli',
    timeZone: ZONE,
    currency: 'EUR',
    everyMs: 3_600_000,
    log: createLogger('silent', { store: 'test' }),
  });
  /** 12 people through the door at 23:30 local on each day (late: the UTC day is the next). */
  const count = (dates: string[]) =>
    footfall.storePeriods(
      footfall.counter('door')!,
      dates.map((date) => ({
        zone: 'door',
        start: new Date(epochOfLocal(date, '23:30', ZONE)).toISOString(),
        end: new Date(epochOfLocal(date, '23:45', ZONE)).toISOString(),
        in: 12,
        out: 11,
      })),
      [],
    );
  const sentDays = () =>
    (
      db
        .prepare(`SELECT payload FROM events WHERE device_id = 'insights' ORDER BY seq`)
        .pluck()
        .all() as string[]
    ).map((payload) => {
      const figures = (
        JSON.parse(payload) as { figures: { date: string; totals: { visitors: number } } }
      ).figures;
      return [figures.date, figures.totals.visitors];
    });
  return { db, out, count, sentDays };
}

describe('figures for head office', () => {
  it('sends the days counted before the store joined its chain, then only what changes', () => {
    const { db, out, count, sentDays } = store();
    const dates = Array.from({ length: 45 }, (_, i) =>
      new Date(Date.UTC(2026, 9, 20 + i)).toISOString().slice(0, 10),
    );
    count(dates);
    // A day with a play only (00:30 local: the day before in UTC) is history too.
    const playAt = new Date(epochOfLocal('2026-12-04', '00:30', ZONE)).toISOString();
    db.prepare(
      `INSERT INTO events (id, device_id, seq, kind, at, received_at, payload)
       VALUES ('play-1', 'signage-1', 1, 'proof-of-play', ?, ?, ?)`,
    ).run(
      playAt,
      playAt,
      JSON.stringify({ campaignId: 'winter', itemId: 'a', playId: 'p', phase: 'start' }),
    );
    // Outside a chain, nothing is owed.
    expect(out.flush(NOW)).toBe(0);
    expect(sentDays()).toEqual([]);

    db.prepare(`INSERT INTO hq_link (id, store_id, enrolled_at) VALUES (1, 'paris-rivoli', ?)`).run(
      new Date(NOW).toISOString(),
    );
    // 45 days counted and one played before joining: 40 in the first flush, newest first.
    expect(out.flush(NOW)).toBe(40);
    expect(out.flush(NOW)).toBe(6);
    const sent = sentDays();
    expect(sent.map(([date]) => date).sort()).toEqual([...dates, '2026-12-04']);
    expect(sent[0]).toEqual(['2026-12-04', 0]);
    expect(sent[1]).toEqual([dates.at(-1), 12]);
    expect(sent.slice(1).every(([, visitors]) => visitors === 12)).toBe(true);
    // Marked once: nothing more to send, and a resend of the same counts changes nothing.
    expect(out.flush(NOW)).toBe(0);
    count([dates[3]!]);
    expect(out.flush(NOW)).toBe(0);
    out.stop();
  });
});
