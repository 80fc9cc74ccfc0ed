// Stock corrections by signed-in staff and managers on a real store server:
// the new quantity reaches the synced stock, each change leaves an audit row,
// bad input is a 4xx that changes nothing, and roles decide where one may correct.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { startTestServer } from '../support/test-server';
import { call, signIn, variantOf } from './staff-helpers';

let server: StoreServer;
let staff: string;
let manager: string;
let garment: ReturnType<typeof variantOf>;
let here: string;
let elsewhere: string;

beforeAll(async () => {
  server = await startTestServer();
  [staff, manager] = await Promise.all([signIn(server, 'staff'), signIn(server, 'manager')]);
  garment = variantOf(server);
  here = server.config.storeId;
  elsewhere = server.db
    .prepare(
      `SELECT id FROM sync_docs WHERE collection = 'locations' AND deleted = 0 AND id <> ? ORDER BY id LIMIT 1`,
    )
    .pluck()
    .get(here) as string;
});
afterAll(async () => {
  await server?.close();
});

const auditRows = () =>
  server.db.prepare('SELECT * FROM stock_corrections ORDER BY at').all() as Record<
    string,
    unknown
  >[];
const unitsAt = (locationId: string) =>
  server.catalogue.stockOf(garment.id)?.levels.find((level) => level.locationId === locationId)
    ?.quantities[garment.variantId];

const item = () => ({ productId: garment.id, variantId: garment.variantId });

describe('stock corrections', () => {
  it('lets staff correct their own store, with an audit row, and every screen gets it', async () => {
    const before = unitsAt(here) ?? 0;
    const head = server.docs.head();
    const answer = await call(server, apiRoutes.stock.correct, {
      token: staff,
      body: {
        productId: garment.id,
        variantId: garment.variantId,
        locationId: here,
        quantity: before + 4,
        reason: 'received',
      },
    });
    expect(answer.status).toBe(201);
    expect(unitsAt(here)).toBe(before + 4);
    expect(server.docs.head()).toBeGreaterThan(head); // a new revision: devices pull it
    expect(auditRows()).toEqual([
      expect.objectContaining({
        product_id: garment.id,
        variant_id: garment.variantId,
        gtin: garment.gtin,
        location_id: here,
        before,
        after: before + 4,
        reason: 'received',
        user_id: 'staff',
      }),
    ]);
  });

  it('keeps other locations for managers', async () => {
    const refused = await call(server, apiRoutes.stock.correct, {
      token: staff,
      body: { ...item(), locationId: elsewhere, quantity: 1, reason: 'count' },
    });
    expect(refused.status).toBe(403);
    const allowed = await call(server, apiRoutes.stock.correct, {
      token: manager,
      body: { ...item(), locationId: elsewhere, quantity: 1, reason: 'damaged' },
    });
    expect(allowed.status).toBe(201);
    expect(unitsAt(elsewhere)).toBe(1);
    expect(auditRows().at(-1)).toMatchObject({ user_id: 'manager', location_id: elsewhere });
  });

  it('answers bad input and the wrong people with a 4xx and changes nothing', async () => {
    const expert = await signIn(server, 'expert-julie-mercier');
    const good = { ...item(), locationId: here, quantity: 2, reason: 'count' };
    const cases: [string | undefined, unknown, number][] = [
      [undefined, good, 401],
      [expert, good, 403],
      [staff, { ...good, quantity: -1 }, 400],
      [staff, { ...good, quantity: 1.5 }, 400],
      [staff, { ...good, reason: 'because' }, 400],
      [staff, { ...good, reason: 'other' }, 400], // another reason must say which
      [staff, { ...good, variantId: 'no spaces' }, 400],
      [staff, { ...good, variantId: '__proto__' }, 400],
      [staff, { locationId: here, quantity: 2, reason: 'count', gtin: garment.gtin }, 400],
      [staff, 'not json', 400],
      [staff, { ...good, variantId: 'no-such-item' }, 404],
      [staff, { ...good, productId: 'no-such-product' }, 404],
      [manager, { ...good, locationId: 'nowhere' }, 404],
    ];
    const rows = auditRows().length;
    const units = unitsAt(here);
    for (const [token, body, status] of cases) {
      const answer = await call(server, apiRoutes.stock.correct, { token, body });
      expect({ body, status: answer.status }).toEqual({ body, status });
      expect(answer.body.error?.code).toBeTruthy();
    }
    expect(auditRows()).toHaveLength(rows);
    expect(unitsAt(here)).toBe(units);
  });
});
