// The change feed's handler (route: shared/src/core/http/routes/sync.ts).
import { PROTOCOL_VERSION, type syncRoutes } from '@vitrine/shared/core';
import { JsonText } from '@vitrine/shared/node';
import type { Handlers } from '../http/register-routes';
import type { DocStore } from './doc-store';

export function syncHandlers(docs: DocStore): Handlers<typeof syncRoutes> {
  return {
    pull: ({ query }) =>
      new JsonText(docs.pageJson(query.since, query.limit, PROTOCOL_VERSION).json),
  };
}
