// The staff loyalty API on a real store server: who may read members, the
// optimiser's answer with its reasons, and a ledger that never spends twice.
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, makeGtin13 } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { startTestServer } from '../support/test-server';
import { call, kioskBearer, memberCard, productCodes, signIn } from './staff-helpers';

const { loyalty } = apiRoutes;
let server: StoreServer;
let staff: string;
let manager: string;
let gold: string;
let basket: { code: string; quantity: number }[];

beforeAll(async () => {
  server = await startTestServer();
  staff = await signIn(server, 'staff');
  manager = await signIn(server, 'manager');
  gold = memberCard(server, 'gold');
  basket = [
    ...productCodes(server, 'fashion', 2, 40).map((code) => ({ code, quantity: 1 })),
    ...productCodes(server, 'electronics', 1, 450).map((code) => ({ code, quantity: 1 })),
  ];
});
afterAll(async () => {
  await server?.close();
});

const ledgerRows = () =>
  server.db.prepare('SELECT COUNT(*) FROM loyalty_redemptions').pluck().get() as number;

describe('loyalty API access', () => {
  it('refuses no session (401), a kiosk credential (401) and an expert (403)', async () => {
    const member = { params: { cardCode: gold } };
    expect((await call(server, loyalty.member, member)).status).toBe(401);
    const kiosk = await call(server, loyalty.member, { ...member, token: kioskBearer(server) });
    expect(kiosk.status).toBe(401);
    expect(JSON.stringify(kiosk.body)).not.toContain(gold);
    const kioskOptimise = await call(server, loyalty.optimise, {
      token: kioskBearer(server),
      body: { cardCode: gold, basket },
    });
    expect(kioskOptimise.status).toBe(401);
    const expert = await signIn(server, 'expert-claire-fontaine');
    expect((await call(server, loyalty.member, { ...member, token: expert })).status).toBe(403);
    const ok = await call(server, loyalty.member, { ...member, token: staff });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ member: { cardCode: gold, tier: 'gold' } });
  });

  it('answers 404 for an unknown card and 400 for a bad basket', async () => {
    const unknown = { params: { cardCode: 'VTR00000000000' }, token: staff };
    expect((await call(server, loyalty.member, unknown)).status).toBe(404);
    const bad = await call(server, loyalty.optimise, {
      token: staff,
      body: { cardCode: gold, basket: [{ code: 'abc', quantity: 1 }] },
    });
    expect(bad.status).toBe(400);
  });
});

describe('optimise and redeem', () => {
  it('chooses the best perks with a reason for each', async () => {
    const answer = await call(server, loyalty.optimise, {
      token: staff,
      body: { cardCode: gold, basket },
    });
    expect(answer.status).toBe(200);
    const chosen = answer.body.chosen as string[];
    expect(chosen.length).toBeGreaterThan(0);
    const explanations = answer.body.explanations as {
      perkId: string;
      chosen: boolean;
      en: string;
    }[];
    expect(explanations.find((e) => e.perkId === 'summer-fashion-10')?.en).toMatch(/^Expired/);
    for (const e of explanations.filter((x) => x.chosen)) expect(e.en).toMatch(/^Chosen/);
  });

  it('lets only one of two consoles redeem the same perk at once', async () => {
    const before = ledgerRows();
    const body = (key: string) => ({
      idempotencyKey: key,
      cardCode: gold,
      perkIds: ['gold-15'],
      basket,
    });
    const [a, b] = await Promise.all([
      call(server, loyalty.redeem, { token: staff, body: body(uuidv7()) }),
      call(server, loyalty.redeem, { token: manager, body: body(uuidv7()) }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body.error?.code).toBe('perk_already_redeemed');
    expect(ledgerRows()).toBe(before + 1);
  });

  it('answers a retry with the first receipt and spends nothing twice', async () => {
    const key = uuidv7();
    const body = { idempotencyKey: key, cardCode: gold, perkIds: ['gold-double-points'], basket };
    const pointsOf = async () =>
      (
        (await call(server, loyalty.member, { params: { cardCode: gold }, token: staff })).body
          .member as {
          points: number;
        }
      ).points;
    const pointsBefore = await pointsOf();
    const first = await call(server, loyalty.redeem, { token: staff, body });
    expect(first.status).toBe(201);
    // The receipt's points are credited to the member: double points earn a bonus on top.
    const earned = first.body.pointsEarned as number;
    expect(earned).toBeGreaterThan(first.body.bonusPoints as number);
    expect(first.body.bonusPoints).toBeGreaterThan(0);
    expect(first.body.pointsBalance).toBe(pointsBefore + earned);
    expect(await pointsOf()).toBe(pointsBefore + earned);
    const rows = ledgerRows();
    const retry = await call(server, loyalty.redeem, { token: staff, body });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({
      redemptionId: first.body.redemptionId,
      replayed: true,
      pointsEarned: earned,
      pointsBalance: pointsBefore + earned,
    });
    expect(ledgerRows()).toBe(rows);
    expect(await pointsOf()).toBe(pointsBefore + earned); // a retry credits nothing twice
    const reused = await call(server, loyalty.redeem, {
      token: staff,
      body: { ...body, perkIds: ['gold-tech-50'] },
    });
    expect(reused.status).toBe(409);
    expect(reused.body.error?.code).toBe('idempotency_key_reused');
    const again = await call(server, loyalty.redeem, {
      token: staff,
      body: { ...body, idempotencyKey: uuidv7() },
    });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('perk_already_redeemed');
  });

  it('refuses an expired perk with its reason', async () => {
    const answer = await call(server, loyalty.redeem, {
      token: staff,
      body: { idempotencyKey: uuidv7(), cardCode: gold, perkIds: ['summer-fashion-10'], basket },
    });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({ code: 'perk_expired' });
    expect(JSON.stringify(answer.body)).toMatch(/expired on/);
  });

  it('refuses a malformed idempotency key and keeps the ledger append-only', async () => {
    const answer = await call(server, loyalty.redeem, {
      token: staff,
      body: { idempotencyKey: randomUUID(), cardCode: gold, perkIds: ['gold-tech-50'], basket },
    });
    expect(answer.status).toBe(400);
    expect(() => server.db.prepare('DELETE FROM loyalty_redemptions').run()).toThrow(/append-only/);
    expect(() => server.db.prepare('UPDATE loyalty_perk_uses SET perk_id = perk_id').run()).toThrow(
      /append-only/,
    );
  });
});

describe('basket pricing', () => {
  it('prices each line as the screens show it now: a running sale counts, a variant’s code its own price', async () => {
    const code = (body12: string) => `0${makeGtin13(body12)}`;
    const [small, large] = [code('376999999811'), code('376999999812')];
    const day = 86_400_000;
    server.catalogue.upsertProduct({
      id: 'loyalty-sale-coat',
      name: { fr: 'Manteau soldé', en: 'Coat on sale' },
      brand: 'Vitrine',
      department: 'fashion',
      categoryPath: [{ fr: 'Mode', en: 'Fashion' }],
      description: { fr: '', en: '' },
      priceCents: 20_000,
      // 200 € → 150 € for the small size; the large one (240 €) is not on sale.
      sale: {
        priceCents: 15_000,
        startsAt: new Date(Date.now() - day).toISOString(),
        endsAt: new Date(Date.now() + day).toISOString(),
      },
      images: [],
      tags: [],
      variants: [
        { id: 'loyalty-coat-s', gtin: small, size: 'S' },
        { id: 'loyalty-coat-xl', gtin: large, size: 'XL', priceCents: 24_000, sale: null },
      ],
      complementary: [],
      attributes: [],
    });
    const answer = await call(server, loyalty.optimise, {
      token: staff,
      body: {
        cardCode: gold,
        basket: [
          { code: small, quantity: 1 },
          { code: large, quantity: 2 },
        ],
      },
    });
    expect(answer.status).toBe(200);
    const lines = answer.body.lines as { code: string; unitPriceCents: number }[];
    expect(lines.map(({ code: c, unitPriceCents }) => [c, unitPriceCents])).toEqual([
      [small, 15_000],
      [large, 24_000],
    ]);
  });
});
