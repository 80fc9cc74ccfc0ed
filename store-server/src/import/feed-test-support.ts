// Reading a whole feed in a test: every batch's lines and report entries together.
import { join } from 'node:path';
import type { FeedKind, ReportEntry } from '@vitrine/shared/core';
import { readFeed, type FeedBatch } from '@vitrine/shared/node';

export const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

const EUR_PARIS = { currency: 'EUR', timeZone: 'Europe/Paris' };

export async function readAll<K extends FeedKind>(path: string, kind: K, context = EUR_PARIS) {
  const lines: FeedBatch<K>['lines'] = [];
  const entries: ReportEntry[] = [];
  for await (const batch of readFeed(path, kind, { context })) {
    lines.push(...batch.lines);
    entries.push(...batch.entries);
  }
  return { lines, entries };
}

/** "line field action" for each entry: what a report reader scans first. */
export const brief = (entries: ReportEntry[]) =>
  entries.map(({ line, field, action }) => `${line} ${field} ${action}`);
