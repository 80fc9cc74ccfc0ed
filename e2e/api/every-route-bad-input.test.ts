// Every handler answers bad input with a 4xx, never a 5xx. The routes are not
// listed by hand: they are read from the Express app's router stack (every
// POST, PUT, PATCH and DELETE), and each gets malformed bodies with every kind
// of credential (admin token, staff and manager sessions, editor, publisher,
// expert, and each kind of device), first a fixed set of known-nasty bodies,
// then bodies fast-check makes up.
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_PREFIX, apiRoutes } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { appRoutes, type AppRoute } from '../support/app-routes';
import { startTestServer } from '../support/test-server';
import { DEMO_PASSWORD } from '../staff/staff-helpers';

type Route = AppRoute;

let server: StoreServer;
let routes: Route[];
const credentials: Record<string, string | undefined> = {};
const params: Record<string, string[]> = {};

beforeAll(async () => {
  server = await startTestServer({ demoScale: 20, demoCampaign: true });
  // Routes that end a session or revoke a device go last: they undo the credentials.
  const undoesCredentials = (route: Route) => /logout|revoke/.test(route.path);
  routes = appRoutes(server)
    .filter((route) => ['post', 'put', 'patch', 'delete'].includes(route.method))
    .sort((a, b) => Number(undoesCredentials(a)) - Number(undoesCredentials(b)));
  refreshCredentials();
  const one = (sql: string) => (server.db.prepare(sql).pluck().get() as string | undefined) ?? 'x';
  const devices = [...(server.demoDevices?.values() ?? [])].map((device) => device.deviceId);
  // Real ids, so a request gets past "no such thing" to the body; and made-up ones.
  params.id = [
    ...devices,
    one(`SELECT id FROM sync_docs WHERE collection = 'products' LIMIT 1`),
    one(`SELECT id FROM campaigns LIMIT 1`),
    'no-such-id',
    '%00',
  ];
  params.origin = ['store', 'head-office', 'x'];
  params.stationId = ['station-1', 'x'];
  params.token = ['x'.repeat(22), 'x'];
});
afterAll(async () => {
  await server?.close();
});

/** Signs everyone in again and re-activates the demo devices: the sweeps log out and revoke. */
function refreshCredentials(): void {
  const expert = server.db
    .prepare(`SELECT id FROM private_docs WHERE collection = 'experts' ORDER BY id LIMIT 1`)
    .pluck()
    .get() as string;
  // Straight from the store, not POST /auth/login: the sweeps post garbage there, and
  // the login limits must not lock this test out of its own sessions.
  for (const user of ['staff', 'manager', 'editor', 'publisher', expert]) {
    const session = server.staff.signIn(user, DEMO_PASSWORD);
    if (!session) throw new Error(`cannot sign ${user} in`);
    credentials[user] = `Bearer ${session.token}`;
  }
  credentials.admin = `Bearer ${server.adminToken}`;
  for (const [app, device] of server.demoDevices ?? []) {
    server.registry.upsertActive(device.deviceId, app, `Demo ${app}`, device.secret);
    credentials[app] = `Bearer ${device.deviceId}.${device.secret}`;
  }
  credentials.none = undefined;
}

/** The route's path with each :param replaced by one of the values to try. */
function pathFor(route: Route, pick: (values: string[]) => string): string {
  return route.path.replace(/:(\w+)/g, (_match, name: string) =>
    encodeURIComponent(pick(params[name] ?? ['x'])),
  );
}

type Body = { contentType?: string; text: string | Uint8Array };

function deeplyNested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Bodies every handler must refuse without a 5xx. */
const NASTY_BODIES: Record<string, Body> = {
  empty: { text: '' },
  emptyJson: { contentType: 'application/json', text: '' },
  invalidJson: { contentType: 'application/json', text: '{"a":' },
  null: { contentType: 'application/json', text: 'null' },
  number: { contentType: 'application/json', text: '42' },
  string: { contentType: 'application/json', text: '"x"' },
  array: { contentType: 'application/json', text: '[1,{"id":null},[]]' },
  emptyObject: { contentType: 'application/json', text: '{}' },
  nulls: {
    contentType: 'application/json',
    text: '{"id":null,"name":null,"gtin":null,"body":null,"events":null,"items":null}',
  },
  wrongTypes: {
    contentType: 'application/json',
    text: '{"id":1,"name":[],"quantity":"7","price":{},"reason":true,"gtin":12,"status":0}',
  },
  protoPollution: {
    contentType: 'application/json',
    text: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},"toString":1}',
  },
  deepNesting: { contentType: 'application/json', text: deeplyNested(5_000) },
  hugeString: { contentType: 'application/json', text: `{"name":"${'x'.repeat(200_000)}"}` },
  tooBig: { contentType: 'application/json', text: `{"name":"${'x'.repeat(400_000)}"}` },
  textPlain: { contentType: 'text/plain', text: 'hello' },
  form: { contentType: 'application/x-www-form-urlencoded', text: 'a=1&__proto__[x]=1' },
  shortPng: { contentType: 'image/png', text: new Uint8Array([0x89, 0x50]) },
  notPng: { contentType: 'image/png', text: 'not a png' },
  multipartNoBoundary: { contentType: 'multipart/form-data', text: '--x\r\n' },
};

async function send(
  route: Route,
  path: string,
  credential: string | undefined,
  body: Body,
): Promise<number> {
  const headers: Record<string, string> = {};
  if (credential) headers.authorization = credential;
  if (body.contentType) headers['content-type'] = body.contentType;
  const response = await fetch(`${server.url}${path}`, {
    method: route.method.toUpperCase(),
    headers,
    body: typeof body.text === 'string' ? body.text : new Uint8Array(body.text),
  });
  await response.arrayBuffer();
  return response.status;
}

type Target = { route: Route; path: string; who: string };

/**
 * For each route, the (path, credential) pairs that get past authentication and
 * "no such thing" to the body (answering `{}` with neither 401, 403, 404 nor
 * 405); a route none gets past is still tried with its first pair.
 */
async function targetsOf(route: Route): Promise<Target[]> {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '');
  const paths = new Set(
    (names.length === 0 ? [''] : (params[names[0] ?? ''] ?? ['x'])).map((first) =>
      pathFor(route, (values) => (values.includes(first) ? first : (values[0] ?? 'x'))),
    ),
  );
  const all: Target[] = [...paths].flatMap((path) =>
    Object.keys(credentials).map((who) => ({ route, path, who })),
  );
  const reaching: Target[] = [];
  for (const target of all) {
    const status = await send(route, target.path, credentials[target.who], {
      contentType: 'application/json',
      text: '{}',
    });
    if (![401, 403, 404, 405].includes(status)) reaching.push(target);
  }
  return reaching.length > 0 ? reaching : all.slice(0, 1);
}

describe('every route answers bad input with a 4xx', () => {
  let targets: Target[][];
  beforeAll(async () => {
    targets = [];
    for (const route of routes) targets.push(await targetsOf(route));
  }, 120_000);
  beforeEach(refreshCredentials);

  it('finds the mutating routes in the router stack', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes).toContainEqual({
      method: 'post',
      path: API_PREFIX + apiRoutes.stock.correct.path,
    });
    expect(routes).toContainEqual({
      method: 'post',
      path: API_PREFIX + apiRoutes.fleet.screenshot.path,
    });
    // Most routes are reached past authentication, so their bodies are really parsed.
    const reached = targets.filter((list) => list.some((target) => target.who !== 'none'));
    expect(reached.length).toBeGreaterThan(routes.length * 0.8);
  });

  it('never answers 5xx to a known-nasty body', { timeout: 300_000 }, async () => {
    const failures: string[] = [];
    for (const target of targets.flat()) {
      for (const [name, body] of Object.entries(NASTY_BODIES)) {
        const status = await send(target.route, target.path, credentials[target.who], body);
        if (status >= 500)
          failures.push(
            `${status} ${target.route.method} ${target.path} as ${target.who}: ${name}`,
          );
      }
    }
    expect(failures).toEqual([]);
  });

  it('never answers 5xx to made-up JSON bodies', { timeout: 300_000 }, async () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    // Objects shaped like the API's own bodies, with wrong or surprising values.
    const apiLike = fc.dictionary(
      fc.constantFrom(
        'id',
        'name',
        'gtin',
        'quantity',
        'reason',
        'note',
        'locationId',
        'status',
        'price',
        'items',
        'events',
        'body',
        'userId',
        'password',
        'role',
        'pairingCode',
        'cardCode',
        'skill',
        'rating',
        'message',
        'revision',
        '__proto__',
        'constructor',
      ),
      fc.oneof(json, fc.string({ maxLength: 3_000 }), fc.integer(), fc.constant(null)),
    );
    for (const list of targets) {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...list),
          fc.oneof(json, apiLike),
          async (target, value) => {
            const status = await send(target.route, target.path, credentials[target.who], {
              contentType: 'application/json',
              text: JSON.stringify(value) ?? 'null',
            });
            return status < 500;
          },
        ),
        { numRuns: 60 },
      );
    }
  });
});
