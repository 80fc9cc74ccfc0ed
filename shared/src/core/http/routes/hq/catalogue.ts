// Head office as the chain's catalogue master: an admin uploads one feed file (products, stores,
// inventory or food; TSV, CSV or RSS XML, gzip or not), head office imports it into the chain's
// catalogue and sends what changed to the stores (catalogue deltas to all, prices to each).
import { z } from 'zod';
import { FeedKindName } from '../../../feed/import-job';
import { ReportEntry } from '../../../feed/line-report';
import { MAX_FEED_BYTES } from '../imports';
import { route } from '../../route';
import { hqAdmin } from './roles';

const Count = z.number().int().nonnegative();

export const HqCatalogueImport = z.object({
  state: z.enum(['applied', 'refused']),
  reason: z.string().optional(),
  /** Chain documents written and withdrawn, store prices set or cleared, link messages queued. */
  written: Count,
  withdrawn: Count,
  storePrices: Count,
  messages: Count,
  firstEntries: z.array(ReportEntry),
  totalEntries: Count,
  phases: z.record(z.string(), Count),
});
export type HqCatalogueImport = z.infer<typeof HqCatalogueImport>;

export const hqCatalogueRoutes = {
  importFeed: route({
    method: 'POST',
    path: '/catalogue/imports/:kind',
    summary:
      "Imports one feed file into the chain's catalogue and sends the changes to the stores (full: what a products feed lacks is withdrawn)",
    auth: hqAdmin,
    params: z.object({ kind: FeedKindName }),
    query: z.object({
      mode: z.enum(['full', 'incremental'], { error: 'mode: full or incremental' }),
      language: z.enum(['fr', 'en'], { error: 'language: fr or en' }).default('fr'),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code')
        .default('EUR'),
      timeZone: z.string().min(1).max(64).default('Europe/Paris'),
      name: z.string().min(1).max(200).optional(),
    }),
    body: {
      upload: {
        limit: MAX_FEED_BYTES,
        types: [
          'text/tab-separated-values',
          'text/csv',
          'text/plain',
          'application/xml',
          'text/xml',
          'application/rss+xml',
          'application/gzip',
          'application/octet-stream',
        ],
      },
    },
    response: HqCatalogueImport,
  }),
} as const;
