// An import as the consoles and the CLI see it: created, given its files,
// run once (one at a time per store), then applied or refused, with the
// counts and the first problems of its report.
import { z } from 'zod';
import { ReportEntry } from './line-report';
import { ReportMessage } from './report-messages';

export const FEED_KINDS = ['products', 'inventory', 'food', 'stores'] as const;
export const FeedKindName = z.enum(FEED_KINDS, {
  error: 'a feed kind: products, inventory, food or stores',
});

export const ImportState = z.enum([
  'created',
  'running',
  'applied',
  'refused',
  'failed',
  /** The server stopped while it ran: nothing of it was applied. */
  'interrupted',
]);
export type ImportState = z.infer<typeof ImportState>;

export const ImportOptions = z.object({
  /** full: the feed is the whole catalogue (what it lacks is withdrawn); incremental: only changes. */
  mode: z.enum(['full', 'incremental']),
  /** The language of the feeds' plain columns (`title`); `title@en` gives the other. */
  language: z.enum(['fr', 'en']).default('fr'),
});
export type ImportOptions = z.infer<typeof ImportOptions>;

const Count = z.number().int().nonnegative();

export const ImportProgressView = z.object({
  phase: z.enum(['waiting', 'reading', 'building', 'applying', 'done']),
  kind: FeedKindName.optional(),
  bytesRead: Count.optional(),
  totalBytes: Count.optional(),
  /** Products built so far. */
  done: Count.optional(),
});
export type ImportProgressView = z.infer<typeof ImportProgressView>;

export const ImportJob = ImportOptions.extend({
  id: z.string(),
  state: ImportState,
  createdAt: z.string(),
  finishedAt: z.string().optional(),
  /** Who created it (a user id, or "admin"). */
  by: z.string(),
  files: z.array(z.object({ kind: FeedKindName, name: z.string(), bytes: Count })),
  progress: ImportProgressView,
  /** Why it was refused or failed, in English (the CLI, old consoles). */
  reason: z.string().optional(),
  /** The same reason as a code and parameters, when it has one: the console shows it in its language. */
  reasonMessage: ReportMessage.optional(),
  /** Lines read and refused per file. */
  counts: z
    .record(
      z.string(),
      z.object({ kind: FeedKindName, lines: Count, rejected: Count, warnings: Count }),
    )
    .optional(),
  /** Documents written and withdrawn per collection. */
  written: z.array(z.object({ c: z.string(), written: Count, withdrawn: Count })).optional(),
  /** The report's first entries (the whole report: GET …/report). */
  firstEntries: z.array(ReportEntry).optional(),
  totalEntries: Count.optional(),
  /** Where the time went, in ms: reading and staging the files, building, applying (bench and logs). */
  phases: z.record(z.string(), Count).optional(),
  /** The longest the server's event loop waited during each phase, in ms (the import runs in a worker). */
  loopStalls: z.record(z.string(), Count).optional(),
});
export type ImportJob = z.infer<typeof ImportJob>;
