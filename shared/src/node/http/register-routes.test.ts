// A server built only from this zone (registrar, body gate, error answers) on a
// real Express app and socket: what the route table declares is what a client
// gets, and whatever a client sends is answered 2xx or 4xx, never 500.
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { admin, anyone, device, route, staff } from '../../core';
import { createLogger } from '../log';
import { bodyGate } from './body-gate';
import { bodyRuleLookup, tableBodyRules } from './body-rules';
import { errorHandler, HttpError, notFound } from './http-error';
import { JsonText, registerTable, type AuthAdapter, type TableHandlers } from './register-routes';

const table = {
  notes: {
    add: route({
      method: 'POST',
      path: '/notes/:shelf',
      summary: 'add a note',
      auth: staff('manager'),
      params: z.object({ shelf: z.string().regex(/^[a-z]+$/) }),
      body: z.object({ text: z.string().min(1), count: z.number().int().default(1) }),
      response: z.object({
        shelf: z.string(),
        text: z.string(),
        count: z.number(),
        by: z.string(),
      }),
      status: 201,
    }),
    list: route({
      method: 'GET',
      path: '/notes',
      summary: 'list notes',
      auth: anyone,
      query: z.object({ limit: z.coerce.number().int().positive().max(10) }),
      response: z.object({ limit: z.number() }),
    }),
    raw: route({
      method: 'GET',
      path: '/raw',
      summary: 'as text',
      auth: anyone,
      response: z.unknown(),
    }),
    wipe: route({
      method: 'DELETE',
      path: '/notes',
      summary: 'wipe',
      auth: admin,
      response: 'empty',
    }),
    ping: route({
      method: 'POST',
      path: '/ping',
      summary: 'ping',
      auth: device(),
      response: 'empty',
    }),
    boom: route({
      method: 'GET',
      path: '/boom',
      summary: 'fails',
      auth: anyone,
      response: 'empty',
    }),
    busy: route({ method: 'GET', path: '/busy', summary: 'busy', auth: anyone, response: 'empty' }),
  },
};

/** This test server's callers: a user named by a header; it serves no device. */
type Callers = {
  public: undefined;
  device: never;
  staff: string;
  admin: undefined;
  'device-or-admin': never;
  'device-or-staff': never;
};
const noDevices = (): never => {
  throw new HttpError(403, 'no_devices', 'this server serves no device');
};
const userOf = (req: express.Request) => {
  const user = req.header('x-user');
  if (user === undefined) throw new HttpError(401, 'unauthenticated', 'sign in first');
  return user;
};
const auth: AuthAdapter<Callers> = {
  public: () => undefined,
  device: noDevices,
  staff: (req, { roles }) => {
    const user = userOf(req);
    if (!roles.includes('manager')) throw new HttpError(403, 'forbidden', 'managers only');
    return user;
  },
  admin: (req) => {
    if (userOf(req) !== 'root') throw new HttpError(403, 'forbidden', 'admin only');
    return undefined;
  },
  'device-or-admin': noDevices,
  'device-or-staff': noDevices,
};

class Busy extends Error {}
const handlers: TableHandlers<typeof table, Callers> = {
  notes: {
    add: ({ params, body, caller }) => ({ shelf: params.shelf, ...body, by: caller }),
    list: ({ query }) => ({ limit: query.limit }),
    raw: () => new JsonText('{"as":"is"}'),
    wipe: () => undefined,
    ping: () => undefined,
    boom: () => {
      throw new Error('a bug');
    },
    busy: () => {
      throw new Busy('locked');
    },
  },
};

let server: ReturnType<express.Express['listen']>;
let base: string;

beforeAll(async () => {
  const app = express();
  const rules = tableBodyRules(table, '/api');
  const signedIn = (req: express.Request) => req.header('x-user') !== undefined;
  app.use(
    bodyGate(bodyRuleLookup(rules), {
      staff: signedIn,
      device: () => false,
      'device-or-staff': signedIn,
    }),
  );
  const router = express.Router();
  registerTable(router, table, handlers, auth);
  app.use('/api', router);
  app.use(notFound);
  const busy = (error: unknown) =>
    error instanceof Busy
      ? {
          status: 503,
          error: { code: 'busy', message: 'try again' },
          headers: { 'Retry-After': '5' },
          warning: 'busy',
        }
      : undefined;
  app.use(errorHandler(createLogger('silent', { server: 'test' }), busy));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function call(method: string, path: string, init: { user?: string; body?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.user !== undefined) headers['x-user'] = init.user;
  const response = await fetch(`${base}${path}`, { method, headers, body: init.body });
  const text = await response.text();
  return {
    status: response.status,
    json: text ? (JSON.parse(text) as unknown) : undefined,
    response,
  };
}
const refusal = (code: string) => ({ error: { code, message: expect.any(String) as unknown } });

describe('a route table registered with an auth adapter', () => {
  it('answers a valid call with the declared status, its input parsed and its caller known', async () => {
    const added = await call('POST', '/notes/fruit', { user: 'ana', body: '{"text":"pears"}' });
    expect(added).toMatchObject({
      status: 201,
      json: { shelf: 'fruit', text: 'pears', count: 1, by: 'ana' },
    });
    expect(await call('GET', '/notes?limit=3')).toMatchObject({ status: 200, json: { limit: 3 } });
    expect(await call('DELETE', '/notes', { user: 'root' })).toMatchObject({ status: 204 });
  });

  it('sends a JsonText answer as is, as JSON', async () => {
    const raw = await call('GET', '/raw');
    expect(raw.json).toEqual({ as: 'is' });
    expect(raw.response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('refuses a bad body, path or query with 400 and says what was wrong', async () => {
    const body = await call('POST', '/notes/fruit', {
      user: 'ana',
      body: '{"text":"","count":1.5}',
    });
    expect(body).toMatchObject({ status: 400, json: refusal('invalid_request') });
    expect((body.json as { error: { message: string } }).error.message).toMatch(/text/);
    const path = await call('POST', '/notes/BAD1', { user: 'ana', body: '{"text":"x"}' });
    expect(path).toMatchObject({ status: 400, json: refusal('invalid_request') });
    expect((path.json as { error: { message: string } }).error.message).toMatch(/^path: /);
    expect(await call('GET', '/notes?limit=99')).toMatchObject({
      status: 400,
      json: refusal('invalid_request'),
    });
    expect(await call('GET', '/notes')).toMatchObject({
      status: 400,
      json: refusal('invalid_request'),
    });
  });

  it('refuses what is not JSON, or too big, before a handler sees it', async () => {
    const broken = await call('POST', '/notes/fruit', { user: 'ana', body: '{"text":' });
    expect(broken).toMatchObject({ status: 400, json: refusal('invalid_json') });
    const big = await call('DELETE', '/notes', {
      user: 'root',
      body: JSON.stringify({ pad: 'x'.repeat(4096) }),
    });
    expect(big).toMatchObject({ status: 413, json: refusal('payload_too_large') });
  });

  it("answers each auth kind as the server's adapter says", async () => {
    expect(await call('POST', '/notes/fruit', { body: '{"text":"x"}' })).toMatchObject({
      status: 401,
      json: refusal('unauthenticated'),
    });
    expect(await call('DELETE', '/notes', { user: 'ana' })).toMatchObject({
      status: 403,
      json: refusal('forbidden'),
    });
    expect(await call('POST', '/ping', { user: 'ana' })).toMatchObject({
      status: 403,
      json: refusal('no_devices'),
    });
  });

  it("answers an unknown route 404, a server's own error as its answerer says, a bug 500", async () => {
    expect(await call('GET', '/nowhere')).toMatchObject({
      status: 404,
      json: refusal('not_found'),
    });
    const busy = await call('GET', '/busy');
    expect(busy).toMatchObject({ status: 503, json: refusal('busy') });
    expect(busy.response.headers.get('retry-after')).toBe('5');
    expect(await call('GET', '/boom')).toMatchObject({ status: 500, json: refusal('internal') });
  });
});
