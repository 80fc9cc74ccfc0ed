// Insights keep counts and receipts only as long as the store's setting says
// (--insights-retention-days): what is older goes, in one transaction. The
// events that carried them to head office follow the events' own retention.
import type { Db } from '../db/database';

/** Deletes counts, readings and receipts before `cutoff`; returns how many rows went. */
export function forgetBefore(db: Db, cutoff: Date): number {
  const before = cutoff.toISOString();
  return db.transaction(() => {
    let removed = 0;
    removed += db.prepare('DELETE FROM footfall_periods WHERE start < ?').run(before).changes;
    removed += db.prepare('DELETE FROM footfall_readings WHERE at < ?').run(before).changes;
    removed += db.prepare('DELETE FROM sales_receipts WHERE at < ?').run(before).changes;
    removed += db.prepare('DELETE FROM counter_flags WHERE last_at < ?').run(before).changes;
    return removed;
  })();
}
