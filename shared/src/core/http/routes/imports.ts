// Catalogue imports from feed files (store-server/src/import/): a manager
// creates an import, uploads its files, runs it, and follows it to the end.
// One runs at a time; the store keeps its catalogue until an import applies.
import { z } from 'zod';
import { FeedKindName, ImportJob, ImportOptions } from '../../feed/import-job';
import { ImportPolicy } from '../../feed/import-policy';
import { route, staff } from '../route';

/** A feed file's cap: a 5M-line inventory is about 300 MB, gzip makes it less. */
export const MAX_FEED_BYTES = 1024 ** 3;
const importers = staff('manager');
const JobId = z.string().regex(/^[0-9a-f-]{36}$/, 'an import id');
/** The formats a catalogue export is written in (the importer reads all three). */
export const EXPORT_FORMATS = ['tsv', 'csv', 'xml'] as const;

export const importRoutes = {
  createImport: route({
    method: 'POST',
    path: '/catalogue/imports',
    summary: 'Creates an import (full or incremental) to upload feed files into',
    auth: importers,
    body: ImportOptions,
    response: ImportJob,
    status: 201,
  }),
  imports: route({
    method: 'GET',
    path: '/catalogue/imports',
    summary: 'The latest imports, newest first',
    auth: importers,
    response: z.object({ imports: z.array(ImportJob) }),
  }),
  import: route({
    method: 'GET',
    path: '/catalogue/imports/:id',
    summary: 'One import: its state, progress, counts and first problems',
    auth: importers,
    params: z.object({ id: JobId }),
    response: ImportJob,
  }),
  uploadFeed: route({
    method: 'PUT',
    path: '/catalogue/imports/:id/files/:kind',
    summary: 'Uploads one feed file (TSV, CSV or RSS XML, gzip or not) of a created import',
    auth: importers,
    params: z.object({ id: JobId, kind: FeedKindName }),
    query: z.object({ name: z.string().min(1).max(200).optional() }),
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
    response: ImportJob,
  }),
  runImport: route({
    method: 'POST',
    path: '/catalogue/imports/:id/run',
    summary: 'Runs an import whose files are uploaded (202: follow it with …/events)',
    auth: importers,
    params: z.object({ id: JobId }),
    response: ImportJob,
    status: 202,
  }),
  /** Events: `job`, each an ImportJob, until it is applied, refused or failed. */
  importEvents: route({
    method: 'GET',
    path: '/catalogue/imports/:id/events',
    summary: 'An import live (Server-Sent Events): its state and progress as it runs',
    auth: importers,
    params: z.object({ id: JobId }),
    response: { raw: 'text/event-stream' },
  }),
  importReport: route({
    method: 'GET',
    path: '/catalogue/imports/:id/report',
    summary:
      'The whole report of a finished import, one problem per line (TSV), its problems in English or French',
    auth: importers,
    params: z.object({ id: JobId }),
    query: z.object({
      lang: z.enum(['en', 'fr'], { error: 'a report language: en or fr' }).optional(),
    }),
    response: { raw: 'text/tab-separated-values' },
  }),
  /** The catalogue as it is now, as one feed file: import it elsewhere to get the same catalogue. */
  exportFeed: route({
    method: 'GET',
    path: '/catalogue/exports/:kind',
    summary:
      'The current catalogue as a products, local inventory, food or stores feed (TSV, CSV or RSS XML, gzipped or not), streamed',
    auth: importers,
    params: z.object({ kind: FeedKindName }),
    query: z.object({
      format: z.enum(EXPORT_FORMATS, { error: 'a feed format: tsv, csv or xml' }).optional(),
      /** 1: the file gzipped (`products-DATE.tsv.gz`, application/gzip), as the importer reads it. */
      gzip: z.enum(['0', '1'], { error: 'gzip: 0 or 1' }).optional(),
    }),
    response: { raw: 'text/tab-separated-values' },
  }),
  importPolicy: route({
    method: 'GET',
    path: '/catalogue/import-policy',
    summary: "The chain's rule for feeds that are mostly wrong (refused lines per file, in %)",
    auth: importers,
    response: ImportPolicy,
  }),
  setImportPolicy: route({
    method: 'PUT',
    path: '/catalogue/import-policy',
    summary:
      "Sets the chain's share of refused lines (0 to 100 %) above which an import is refused (managers)",
    auth: importers,
    body: ImportPolicy,
    response: ImportPolicy,
  }),
} as const;
