// Proof-of-play reports from the device events the outbox delivered exactly
// once: a play counts when its end arrived, and only as a full play when it
// was not interrupted (a reload, a crash: counted apart, its real time kept);
// grouped by campaign, store, screen and hour (UTC hour buckets; the console
// shows them in local time).
import type { PlayReportQuery as ReportQuery, PlayRow } from '@vitrine/shared/core';
import type { Db } from '../db/database';

export type { PlayRow };

export function playReport(db: Db, storeId: string, query: ReportQuery): PlayRow[] {
  const rows = db
    .prepare(
      `SELECT json_extract(payload, '$.campaignId') AS campaignId, device_id AS deviceId,
              substr(at, 1, 13) || ':00:00Z' AS hour,
              SUM(CASE WHEN json_extract(payload, '$.interrupted') = 1 THEN 0 ELSE 1 END) AS plays,
              SUM(CASE WHEN json_extract(payload, '$.interrupted') = 1 THEN 1 ELSE 0 END) AS interrupted,
              COALESCE(SUM(json_extract(payload, '$.durationMs')), 0) AS playedMs
       FROM events
       WHERE kind = 'proof-of-play' AND json_extract(payload, '$.phase') = 'end'
         AND at >= ? AND at < ? AND (? IS NULL OR json_extract(payload, '$.campaignId') = ?)
       GROUP BY campaignId, deviceId, hour
       ORDER BY hour, campaignId, deviceId`,
    )
    .all(
      query.from ?? '0000',
      query.to ?? '9999',
      query.campaignId ?? null,
      query.campaignId ?? null,
    ) as Omit<PlayRow, 'storeId'>[];
  return rows.map((row) => ({ ...row, storeId }));
}

/** Plays started whose end never arrived (a screen switched off mid-item). */
export function unfinishedPlays(db: Db): number {
  return db
    .prepare(
      `SELECT COUNT(*) FROM events s WHERE s.kind = 'proof-of-play' AND json_extract(s.payload, '$.phase') = 'start'
       AND NOT EXISTS (SELECT 1 FROM events e WHERE e.kind = 'proof-of-play'
         AND json_extract(e.payload, '$.phase') = 'end'
         AND json_extract(e.payload, '$.playId') = json_extract(s.payload, '$.playId'))`,
    )
    .pluck()
    .get() as number;
}

export const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\n\r]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function toCsv(rows: PlayRow[]): string {
  const header = [
    'campaign',
    'store',
    'screen',
    'hour_utc',
    'plays',
    'played_seconds',
    'interrupted_plays',
  ];
  const lines = rows.map((row) =>
    [
      row.campaignId,
      row.storeId,
      row.deviceId,
      row.hour,
      row.plays,
      Math.round(row.playedMs / 1000),
      row.interrupted,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
