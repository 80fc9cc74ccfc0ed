// Import handlers (routes: shared/src/core/http/routes/imports.ts): who and
// what come before a byte of a feed, and each file goes to disk as it arrives.
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { MAX_FEED_BYTES, type FeedKind, type importRoutes } from '@vitrine/shared/core';
import { HttpError } from '@vitrine/shared/node';
import { openSse } from '../calls/sse-stream';
import {
  catalogueFeed,
  EXPORT_TYPES,
  exportFileName,
  type ExportParts,
} from '../export/catalogue-export';
import type { Handlers } from '../http/register-routes';
import { receiveToDisk } from '../http/upload-to-disk';
import type { ImportService } from './import-service';

const FINISHED = new Set(['applied', 'refused', 'failed', 'interrupted']);
/**
 * What a chain store still imports itself: its own stock (and its own prices beside the
 * chain's). Products, food and the store list are the chain's, imported at head office.
 */
const CHAIN_STORE_KINDS: ReadonlySet<FeedKind> = new Set(['inventory']);

export function importHandlers(
  service: ImportService,
  exports: ExportParts,
  /** Set on a chain store: head office's URL, named in a refusal. */
  headOffice?: { url: string | undefined },
): Handlers<typeof importRoutes> {
  const refuseChainKind = (kind: FeedKind) => {
    if (!headOffice || CHAIN_STORE_KINDS.has(kind)) return;
    const where = headOffice.url ? ` (${headOffice.url})` : '';
    throw new HttpError(
      409,
      'managed_by_head_office',
      `this store's ${kind} come from head office${where}; a chain store imports only its inventory`,
    );
  };
  return {
    createImport: ({ body, caller }) => service.create(body, caller.id),
    imports: () => ({ imports: service.list() }),
    import: ({ params }) => service.get(params.id),
    uploadFeed: async ({ params, query, req, res }) => {
      refuseChainKind(params.kind);
      const upload = await receiveToDisk(req, res, {
        dir: service.uploadDir(params.id),
        limit: MAX_FEED_BYTES,
        what: 'a feed file',
      });
      return service.addFile(params.id, params.kind, upload.file, query.name ?? params.kind);
    },
    runImport: ({ params }) => service.run(params.id),
    importEvents: ({ params, req, res }) => {
      const job = service.get(params.id);
      let stop = () => {};
      const stream = openSse(req, res, () => stop());
      stream.send('job', job);
      if (FINISHED.has(job.state)) return;
      stop = service.follow(params.id, (changed) => stream.send('job', changed));
    },
    exportFeed: async ({ params, query, res }) => {
      const format = query.format ?? 'tsv';
      const gzip = query.gzip === '1';
      // Gzipped as a file (not a Content-Encoding): the browser saves the .gz as it came.
      const name = `${exportFileName(params.kind, format)}${gzip ? '.gz' : ''}`;
      res
        .type(gzip ? 'application/gzip' : `${EXPORT_TYPES[format]}; charset=utf-8`)
        .set('content-disposition', `attachment; filename="${name}"`)
        .set('cache-control', 'no-store');
      const feed = catalogueFeed(exports, params.kind, format);
      // A client that goes away ends the stream; nothing is left to answer.
      await (gzip ? pipeline(feed, createGzip(), res) : pipeline(feed, res)).catch(() =>
        res.destroy(),
      );
    },
    importPolicy: () => service.policy(),
    setImportPolicy: ({ body, caller }) => service.setPolicy(body, caller.id),
    importReport: ({ params, query, res }) => {
      const path = service.reportPath(params.id, query.lang);
      res
        .type('text/tab-separated-values; charset=utf-8')
        .set('content-disposition', `attachment; filename="import-${params.id}-report.tsv"`)
        .set('cache-control', 'no-store')
        .sendFile(path);
    },
  };
}
