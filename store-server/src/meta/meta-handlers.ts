// The OpenAPI document of the route table, built once on first request.
import { apiRoutes, openApiDocument, type metaRoutes } from '@vitrine/shared/core';
import type { Handlers } from '../http/register-routes';

/** `version` is the API's (the `v1` of its prefix), not the server's release. */
export function metaHandlers(version = '1'): Handlers<typeof metaRoutes> {
  let document: string | undefined;
  return {
    openApi: ({ res }) => {
      document ??= JSON.stringify(
        openApiDocument(apiRoutes, { title: 'Vitrine store server', version }),
      );
      res.type('application/json').set('cache-control', 'no-cache').send(document);
    },
  };
}
