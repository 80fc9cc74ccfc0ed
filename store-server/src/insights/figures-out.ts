// A chain store's figures for head office: a day whose counts, receipts or
// events changed is marked; every few seconds the marked days are computed
// again and each whose figures differ from what was last sent is written as a
// `figures` event (so the chain's outbox carries it, exactly once, offline
// too). Head office keeps the latest per store and day: a snapshot, not a
// sum, so a resend or a late correction can never count twice.
import { createHash } from 'node:crypto';
import { localMoment } from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import { getMeta, setMeta, type Db } from '../db/database';
import type { ServerEvents } from './server-events';
import { dayFigures } from './day-figures';

/** The device id figures events are written under (the store itself). */
const FIGURES_DEVICE_ID = 'insights';
/** Days computed per flush: a store joining a chain with a year of history sends it in turns. */
const DAYS_PER_FLUSH = 40;
/** Set once the days counted before the store joined its chain were marked to send. */
const HISTORY_MARKED = 'insights_history_marked';

export class DirtyDays {
  private readonly mark;

  constructor(
    db: Db,
    private readonly timeZone: string,
  ) {
    this.mark = db.prepare('INSERT OR IGNORE INTO insights_dirty_days (date) VALUES (?)');
  }

  /** The store's local days an instant or a period touches. */
  touch(start: string, end = start): void {
    this.mark.run(localMoment(Date.parse(start), this.timeZone).date);
    this.mark.run(
      localMoment(Math.max(Date.parse(start), Date.parse(end) - 1), this.timeZone).date,
    );
  }
}

export function startFiguresOut(options: {
  db: Db;
  events: ServerEvents;
  storeId: string;
  timeZone: string;
  currency: string;
  everyMs?: number;
  log: Logger;
}) {
  const { db, log } = options;
  const linked = db.prepare('SELECT 1 FROM hq_link LIMIT 1').pluck();
  // Newest first: today's figures never wait behind a joining store's history.
  const dirty = db
    .prepare('SELECT date FROM insights_dirty_days ORDER BY date DESC LIMIT ?')
    .pluck();
  // Every hour with something the day's figures count: passages, receipts, plays, feedback,
  // questions, staff requests (events through their (kind, at) index).
  const countedHours = db
    .prepare(
      `SELECT DISTINCT substr(start, 1, 13) FROM footfall_periods
       UNION SELECT DISTINCT substr(at, 1, 13) FROM sales_receipts
       UNION SELECT DISTINCT substr(at, 1, 13) FROM events
              WHERE kind IN ('proof-of-play', 'feedback', 'question')
       UNION SELECT DISTINCT substr(created_at, 1, 13) FROM requests`,
    )
    .pluck();
  const days = new DirtyDays(db, options.timeZone);

  /** A store that joins a chain marks every day it holds anything its figures count, once. */
  function markHistory(): void {
    db.transaction(() => {
      for (const hour of countedHours.all() as string[]) days.touch(`${hour}:00:00.000Z`);
      setMeta(db, HISTORY_MARKED, new Date().toISOString());
    })();
  }
  const done = db.prepare('DELETE FROM insights_dirty_days WHERE date = ?');
  const lastSent = db.prepare('SELECT digest FROM insights_sent WHERE date = ?').pluck();
  const sent = db.prepare(
    `INSERT INTO insights_sent (date, digest, sent_at) VALUES (?, ?, ?)
     ON CONFLICT (date) DO UPDATE SET digest = excluded.digest, sent_at = excluded.sent_at`,
  );

  /** Sends the marked days whose figures changed; a store outside a chain just forgets them. */
  function flush(now = Date.now()): number {
    if (!linked.get()) {
      db.prepare('DELETE FROM insights_dirty_days').run();
      return 0;
    }
    if (getMeta(db, HISTORY_MARKED) === undefined) markHistory();
    const dates = dirty.all(DAYS_PER_FLUSH) as string[];
    if (dates.length === 0) return 0;
    let written = 0;
    const at = new Date(now).toISOString();
    for (const date of dates)
      db.transaction(() => {
        done.run(date);
        const figures = dayFigures(db, {
          storeId: options.storeId,
          date,
          timeZone: options.timeZone,
          currency: options.currency,
          now,
        });
        // What changes by itself with the clock (a counter going silent) is not a change to send.
        const stable = {
          ...figures,
          flags: figures.flags.filter((flag) => flag.kind !== 'silent'),
        };
        const digest = createHash('sha256').update(JSON.stringify(stable)).digest('hex');
        if (lastSent.get(date) === digest) return;
        options.events.write(
          FIGURES_DEVICE_ID,
          { kind: 'figures', payload: { figures: stable } },
          at,
        );
        sent.run(date, digest, at);
        written++;
      })();
    return written;
  }

  const timer = setInterval(() => {
    try {
      flush();
    } catch (error) {
      log.error({ err: (error as Error).message }, 'insights: could not send figures');
    }
  }, options.everyMs ?? 10_000);
  timer.unref();
  return { flush, stop: () => clearInterval(timer) };
}
