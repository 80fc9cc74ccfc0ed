// Head office's insights on a real head office (PostgreSQL 15, NATS): two stores send their
// days' figures as `figures` events; the latest snapshot per store and day stands (a resend,
// an older one delivered late, the same day corrected), stores and regions are compared over a
// range with conversion and basket, one store's day reads back as the store sent it; bad input
// is a 400, a day never sent a 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignImpact, DayFigures, StoreInsightsRow } from '@vitrine/shared/core';
import { testDraft } from '../campaigns/test-draft';
import { storeEventsBatch } from '../events/store-batch';
import { eventsBatch, storeEvent } from '../events/test-events';
import { newStore, startStoresTestBed } from '../stores/test-bed';

const NOW = Date.now();
let bed: Awaited<ReturnType<typeof startStoresTestBed>>;

function day(
  date: string,
  visitors: number,
  transactions: number,
  revenue: number | null,
): DayFigures {
  const hour = {
    start: `${date}T09:00:00.000Z`,
    label: '10:00',
    offset: '+01:00',
    visitors,
    exits: visitors,
    transactions,
    revenue,
    conversion: visitors ? transactions / visitors : null,
    dwellSeconds: null,
    plays: 10,
    playsWithPeople: 7,
  };
  return {
    storeId: 'x',
    date,
    timeZone: 'Europe/Paris',
    currency: 'EUR',
    salesSource: revenue === null ? 'loyalty' : 'till',
    hours: [hour],
    totals: {
      visitors,
      exits: visitors,
      transactions,
      revenue,
      conversion: hour.conversion,
      averageBasket: revenue !== null && transactions ? revenue / transactions : null,
      dwellSeconds: null,
      plays: 10,
      playsWithPeople: 7,
      requests: 2,
      requestsAnswered: 1,
      medianAnswerSeconds: 90,
      feedback: { like: 1, dislike: 1, green: 0, orange: 0, red: 2 },
      lowRatings: 3,
      unansweredQuestions: 1,
    },
    zones: [],
    flags: [],
    campaigns: [{ campaignId: 'winter', plays: 10, playsWithPeople: 7 }],
    promoted: [{ productId: 'coat-1', units: 2, revenue: 25_000 }],
  };
}
const figures = (f: DayFigures, at: number) =>
  storeEvent('figures', { figures: f }, at, 'insights');

beforeAll(async () => {
  bed = await startStoresTestBed();
  for (const id of ['lyon', 'paris'])
    expect((await bed.call('POST', '/stores', newStore(id))).status).toBe(201);
  await storeEventsBatch(
    bed.hq.pool,
    'lyon',
    eventsBatch([
      figures(day('2026-11-02', 100, 10, 50_000), NOW - 3_000),
      // The same day later in the batch, corrected: it stands.
      figures(day('2026-11-02', 120, 12, 60_000), NOW - 2_000),
      figures(day('2026-11-03', 80, 4, 20_000), NOW - 2_000),
    ]),
    NOW,
  );
  await storeEventsBatch(
    bed.hq.pool,
    'paris',
    eventsBatch([
      figures(
        {
          ...day('2026-11-02', 200, 50, null),
          flags: [
            { counterId: 'c1', kind: 'clock', detail: 'ahead', lastAt: '2026-11-02T10:00:00Z' },
          ],
        },
        NOW - 1_000,
      ),
    ]),
    NOW,
  );
}, 120_000);
afterAll(async () => {
  await bed?.stop();
});

const stores = async (query: string) =>
  (await bed.call('GET', `/insights/stores?${query}`)).json as unknown as {
    rows: StoreInsightsRow[];
    next: string | null;
  };

describe('store insights at head office', () => {
  it('keeps the latest figures per store and day: an older one or a resend changes nothing', async () => {
    // An older snapshot of Lyon's 2 November, delivered late: ignored.
    await storeEventsBatch(
      bed.hq.pool,
      'lyon',
      eventsBatch([figures(day('2026-11-02', 5, 1, 100), NOW - 60_000)], 10),
      NOW,
    );
    const lyon = (await stores('from=2026-11-01&to=2026-11-30')).rows.find(
      (row) => row.storeId === 'lyon',
    )!;
    expect(lyon).toMatchObject({
      days: 2,
      visitors: 200,
      transactions: 16,
      revenue: 80_000,
      currency: 'EUR',
      regionId: 'west',
    });
    expect(lyon.conversion).toBeCloseTo(16 / 200, 6);
    expect(lyon.averageBasket).toBeCloseTo(80_000 / 16, 6);
    const paris = (await stores('from=2026-11-01&to=2026-11-30')).rows.find(
      (row) => row.storeId === 'paris',
    )!;
    // Paris's till sent no amounts that day: no revenue rather than a wrong one.
    expect(paris).toMatchObject({
      counterFlags: 1,
      days: 1,
      visitors: 200,
      transactions: 50,
      revenue: null,
      averageBasket: null,
    });
  });

  it('pages stores in id order, narrows to a day range, and compares regions', async () => {
    const first = await stores('from=2026-11-02&to=2026-11-02&limit=1');
    expect(first.rows.map((row) => [row.storeId, row.visitors])).toEqual([['lyon', 120]]);
    const second = await stores(`from=2026-11-02&to=2026-11-02&limit=1&after=${first.next}`);
    expect(second.rows.map((row) => [row.storeId, row.visitors])).toEqual([['paris', 200]]);
    const regions = (await bed.call('GET', '/insights/regions?from=2026-11-01&to=2026-11-30'))
      .json as unknown as {
      rows: {
        regionId: string;
        stores: number;
        visitors: number;
        transactions: number;
        revenue: number | null;
      }[];
    };
    expect(regions.rows).toEqual([
      expect.objectContaining({
        regionId: 'west',
        stores: 2,
        visitors: 400,
        transactions: 66,
        revenue: null,
      }),
    ]);
  });

  it('gives one store’s day as the store sent it', async () => {
    const answer = await bed.call('GET', '/insights/stores/lyon/days/2026-11-02');
    expect(answer.status).toBe(200);
    expect((answer.json as unknown as DayFigures).totals.visitors).toBe(120);
    expect((await bed.call('GET', '/insights/stores/lyon/days/2026-10-01')).status).toBe(404);
  });

  it('sums a campaign’s plays and its products’ sales before, during and after it, over the stores', async () => {
    const published = await bed.call(
      'POST',
      '/campaigns',
      testDraft({
        id: 'winter',
        playlists: [
          {
            id: 'p1',
            items: [{ id: 'c', kind: 'product', durationMs: 5_000, productId: 'coat-1' }],
          },
        ],
        schedule: {
          startDate: '2026-11-03',
          endDate: '2026-11-03',
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          dayParts: [],
        },
      }),
    );
    expect(published.status).toBe(201);
    const impact = (await bed.call('GET', '/insights/campaigns/winter'))
      .json as unknown as CampaignImpact;
    expect(impact.products).toEqual(['coat-1']);
    // Lyon and Paris sent 2 November (before: 120 + 200 visitors, 10 + 10 plays, 2 + 2 coats);
    // Lyon alone 3 November (during); nobody the 4th (after).
    expect(impact.windows).toEqual([
      {
        phase: 'before',
        from: '2026-11-02',
        to: '2026-11-02',
        days: 1,
        visitors: 320,
        plays: 20,
        units: 4,
        revenue: 50_000,
      },
      {
        phase: 'during',
        from: '2026-11-03',
        to: '2026-11-03',
        days: 1,
        visitors: 80,
        plays: 10,
        units: 2,
        revenue: 25_000,
      },
      {
        phase: 'after',
        from: '2026-11-04',
        to: '2026-11-04',
        days: 1,
        visitors: 0,
        plays: 0,
        units: 0,
        revenue: 0,
      },
    ]);
    expect((await bed.call('GET', '/insights/campaigns/nope')).status).toBe(404);
  });

  it('refuses a bad range with a 400, and a caller without a session', async () => {
    expect((await bed.call('GET', '/insights/stores?from=2026-11-30&to=2026-11-01')).status).toBe(
      400,
    );
    expect((await bed.call('GET', '/insights/stores?from=2025-01-01&to=2026-11-01')).status).toBe(
      400,
    );
    expect((await bed.call('GET', '/insights/stores?from=nope&to=2026-11-01')).status).toBe(400);
    expect(
      (
        await bed.call('GET', '/insights/regions?from=2026-11-01&to=2026-11-02', undefined, {
          token: null,
        })
      ).status,
    ).toBe(401);
  });
});
