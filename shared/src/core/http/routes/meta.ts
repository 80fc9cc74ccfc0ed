// The API describing itself.
import { anyone, route } from '../route';

export const metaRoutes = {
  openApi: route({
    method: 'GET',
    path: '/openapi.json',
    summary: 'This API as an OpenAPI 3.1 document, generated from the route table',
    auth: anyone,
    response: { raw: 'application/json' },
  }),
} as const;
