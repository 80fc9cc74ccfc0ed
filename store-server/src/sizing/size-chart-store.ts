// Size charts in SQLite, validated on the way in and out.
import { parseJson, SizeChart } from '@vitrine/shared/core';
import type { Db } from '../db/database';

export class SizeChartStore {
  constructor(private readonly db: Db) {}

  list(): SizeChart[] {
    const bodies = this.db
      .prepare('SELECT body FROM size_charts ORDER BY brand, system')
      .pluck()
      .all() as string[];
    return bodies.flatMap((body) => {
      const chart = parseJson(SizeChart, body);
      return chart.ok ? [chart.value] : [];
    });
  }

  put(chart: SizeChart): void {
    this.db
      .prepare(
        `INSERT INTO size_charts (brand, system, body, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (brand, system) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
      )
      .run(chart.brand, chart.system, JSON.stringify(chart), new Date().toISOString());
  }

  /** Seeds the demo charts once (an existing chart is never overwritten). */
  seedIfEmpty(charts: readonly SizeChart[]): void {
    const count = this.db.prepare('SELECT COUNT(*) FROM size_charts').pluck().get() as number;
    if (count > 0) return;
    this.db.transaction(() => charts.forEach((chart) => this.put(chart)))();
  }
}
