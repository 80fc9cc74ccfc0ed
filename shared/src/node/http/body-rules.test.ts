// The body rules read off a route table: who must be known before a body is read,
// how much of it, and which rule a request's method and path fall under.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  NO_BODY_LIMIT,
  SMALL_JSON_LIMIT,
  admin,
  anyone,
  device,
  deviceOrAdmin,
  route,
  staff,
} from '../../core';
import { bodyRuleLookup, tableBodyRules } from './body-rules';

const table = {
  things: {
    list: route({
      method: 'GET',
      path: '/things',
      summary: 'list',
      auth: anyone,
      response: 'empty',
    }),
    rename: route({
      method: 'PUT',
      path: '/things/:id/name',
      summary: 'rename',
      auth: staff('manager'),
      body: z.object({ name: z.string() }),
      response: 'empty',
    }),
    photo: route({
      method: 'POST',
      path: '/things/:id/photo',
      summary: 'upload',
      auth: deviceOrAdmin,
      body: { upload: { limit: 5_000_000, types: ['image/jpeg'] } },
      response: 'empty',
    }),
  },
  other: {
    wipe: route({
      method: 'DELETE',
      path: '/all',
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
  },
};

describe('body rules of a route table', () => {
  const rules = tableBodyRules(table, '/api/v1');

  it('name every route that takes a body, under the prefix, with its caller and limit', () => {
    expect(rules).toEqual([
      {
        method: 'PUT',
        path: '/api/v1/things/:id/name',
        caller: 'staff',
        body: 'json',
        limit: SMALL_JSON_LIMIT,
      },
      {
        method: 'POST',
        path: '/api/v1/things/:id/photo',
        caller: 'device-or-staff',
        body: 'stream',
        limit: 5_000_000,
      },
      {
        method: 'DELETE',
        path: '/api/v1/all',
        caller: 'staff',
        body: 'json',
        limit: NO_BODY_LIMIT,
      },
      {
        method: 'POST',
        path: '/api/v1/ping',
        caller: 'device',
        body: 'json',
        limit: NO_BODY_LIMIT,
      },
    ]);
  });

  it('find a request its rule: a :param matches one segment, the method must match', () => {
    const ruleFor = bodyRuleLookup(rules);
    expect(ruleFor('PUT', '/api/v1/things/42/name')?.path).toBe('/api/v1/things/:id/name');
    expect(ruleFor('POST', '/api/v1/things/42/name')).toBeUndefined();
    expect(ruleFor('PUT', '/api/v1/things/42/name/extra')).toBeUndefined();
    expect(ruleFor('PUT', '/api/v1/things/name')).toBeUndefined();
    expect(ruleFor('GET', '/api/v1/things')).toBeUndefined();
  });
});
