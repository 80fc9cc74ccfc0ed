// Helpers for the staff and expert API suites: sign in, call JSON endpoints,
// and pick demo data (members, products) straight from the store's database.
import { apiClient, apiRoutes, type RouteDef } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { fetchRoute, type RouteProbe } from '../support/route-fetch';

export const DEMO_PASSWORD = 'vitrine-demo';

/** Signs in over HTTP: any server with a URL (in this process or a spawned one). */
export async function signIn(server: Pick<StoreServer, 'url'>, userId: string): Promise<string> {
  const client = apiClient(apiRoutes, { baseUrl: server.url });
  const { token } = await client.auth.login({ body: { userId, password: DEMO_PASSWORD } });
  return token;
}

export type Answer = {
  status: number;
  body: Record<string, unknown> & { error?: { code: string } };
};

/** Calls a route of the table (method and path from it) as `token`, whatever the answer. */
export async function call(
  server: StoreServer,
  definition: RouteDef,
  options: RouteProbe = {},
): Promise<Answer> {
  const response = await fetchRoute(server.url, definition, options);
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Answer['body']) : {} };
}

export function kioskBearer(server: StoreServer): string {
  const kiosk = server.demoDevices?.get('kiosk');
  if (!kiosk) throw new Error('the demo kiosk is missing');
  return `${kiosk.deviceId}.${kiosk.secret}`;
}

export function memberCard(server: StoreServer, tier: 'bronze' | 'silver' | 'gold'): string {
  return server.db
    .prepare(
      `SELECT json_extract(body, '$.cardCode') FROM private_docs
       WHERE collection = 'members' AND json_extract(body, '$.tier') = ? ORDER BY id LIMIT 1`,
    )
    .pluck()
    .get(tier) as string;
}

export function memberName(server: StoreServer, cardCode: string): string {
  return server.db
    .prepare(
      `SELECT json_extract(body, '$.name') FROM private_docs
       WHERE collection = 'members' AND json_extract(body, '$.cardCode') = ?`,
    )
    .pluck()
    .get(cardCode) as string;
}

/** GTINs of products of a category, priced between min and max euros. */
export function productCodes(
  server: StoreServer,
  category: string,
  count: number,
  minEuros = 0,
  maxEuros = 100_000,
): string[] {
  return server.db
    .prepare(
      `SELECT json_extract(body, '$.gtin') FROM sync_docs WHERE collection = 'products'
       AND json_extract(body, '$.department') = ?
       AND json_extract(body, '$.priceCents') BETWEEN ? AND ? ORDER BY id LIMIT ?`,
    )
    .pluck()
    .all(category, minEuros * 100, maxEuros * 100, count) as string[];
}

/** A fashion product's first variant with its size and colour, and the product's French name. */
export function variantOf(server: StoreServer) {
  return server.db
    .prepare(
      `SELECT id, json_extract(body, '$.name.fr') AS name,
              json_extract(body, '$.variants[0].id') AS variantId,
              json_extract(body, '$.variants[0].gtin') AS gtin,
              json_extract(body, '$.variants[0].size') AS size,
              json_extract(body, '$.variants[0].colour') AS colour
       FROM sync_docs WHERE collection = 'products' AND json_extract(body, '$.department') = 'fashion'
         AND json_extract(body, '$.variants[0].colour') IS NOT NULL ORDER BY id LIMIT 1`,
    )
    .get() as {
    id: string;
    name: string;
    variantId: string;
    gtin: string;
    size: string;
    colour: string;
  };
}
