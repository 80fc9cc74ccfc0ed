// Store insights on a real store server (SQLite, aedes, Express), through the day clocks went
// back in Paris (25 hours): an Axis camera at the entrance pushes its running totals every
// hour, both 02:00s included; a Xovis sensor counts a window zone with dwell; a side door's
// counter publishes the generic shape over MQTT; the till sends receipts as JSON and as a CSV
// export; screens play. The day's figures, hour by hour, equal a hand computation. Resends
// change nothing; a wrong clock, a negative count, a screen's credential, a flood are refused.
import mqtt from 'mqtt';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  apiRoutes,
  routeUrl,
  type CampaignImpact,
  type DayFigures,
} from '@vitrine/shared/core';
import { draft, publish, signIn as signInAt } from '../signage/head-office';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { chooseConsoleLang, signInThroughConsole } from '../support/console-page';
import { startTestServer, waitFor } from '../support/test-server';
import { call, kioskBearer, signIn } from '../staff/staff-helpers';
import { ARRIVALS, DAY, ZONE, axisClock, axisPush, hourStart } from './dst-day';

let server: StoreServer;
let manager: string;
/** A product the store sells, shown by a one-day campaign on the autumn day. */
let shown: string;
const CAMPAIGN = 'autumn-coats';
const iso = (epoch: number) => new Date(epoch).toISOString();

type Enrolled = { id: string; secret: string; pushPath: string; mqttTopic: string };
const counters: Record<string, Enrolled> = {};
const basic = (counter: Enrolled) =>
  `Basic ${Buffer.from(`${counter.id}:${counter.secret}`).toString('base64')}`;

async function push(counter: Enrolled, body: unknown, authorization = basic(counter)) {
  const response = await fetch(`${server.url}${counter.pushPath}`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function enrol(name: string, kind: string, entrance: boolean): Promise<Enrolled> {
  const answer = await call(server, apiRoutes.insights.addCounter, {
    body: { name, kind, entrance },
    token: manager,
  });
  expect(answer.status).toBe(201);
  return answer.body as unknown as Enrolled;
}

beforeAll(async () => {
  server = await startTestServer({ timeZone: ZONE, logLevel: 'error' });
  manager = await signIn(server, 'manager');
  counters.axis = await enrol('Entrée principale', 'axis', true);
  counters.xovis = await enrol('Vitrine', 'xovis', false);
  counters.side = await enrol('Porte latérale', 'generic', true);
  shown = server.db
    .prepare(
      `SELECT id FROM sync_docs WHERE collection = 'products' AND deleted = 0 ORDER BY id LIMIT 1`,
    )
    .pluck()
    .get() as string;
  const base = draft(CAMPAIGN, { sha256: '0'.repeat(64), type: 'image/png', size: 1 });
  await publish(
    server.url,
    await signInAt(server.url, 'editor'),
    await signInAt(server.url, 'publisher'),
    {
      ...base,
      playlists: [
        { id: 'p1', items: [{ id: 'coat', kind: 'product', durationMs: 5_000, productId: shown }] },
      ],
      schedule: { ...base.schedule, startDate: DAY, endDate: DAY },
    },
  );
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe('people counters, sales and plays through a 25-hour day', () => {
  it('takes an Axis camera’s running totals every hour, the repeated 02:00 included, resends changing nothing', async () => {
    for (let hour = 0; hour < 25; hour++) {
      // The last reading is at 23:59: the camera's count restarts at midnight.
      const answer = await push(counters.axis!, axisPush(hour));
      expect(answer.status, `hour ${hour}`).toBe(200);
    }
    // The same reading again, and the second 02:00 again: nothing changes.
    expect((await push(counters.axis!, axisPush(2))).body).toMatchObject({
      stored: 0,
      unchanged: 1,
    });
    expect((await push(counters.axis!, axisPush(10))).body).toMatchObject({
      stored: 0,
      unchanged: 1,
    });
  });

  it('takes a Xovis zone’s counts with dwell, once however often they are pushed', async () => {
    const from = hourStart(12);
    const logics = (records: unknown[]) => ({
      logics_data: {
        sensor_info: { serial_number: '80:1F:12:D0:CF:B6' },
        logics: [{ id: 1, name: 'Vitrine', info: 'ZONE', records }],
      },
    });
    const records = [
      {
        from,
        to: from + 15 * 60_000,
        counts: [
          { name: 'fw', value: 6 },
          { name: 'bw', value: 5 },
          { name: 'avg-dwell', value: 40 },
        ],
      },
      {
        from: from + 15 * 60_000,
        to: from + 30 * 60_000,
        counts: [
          { name: 'fw', value: 4 },
          { name: 'bw', value: 5 },
          { name: 'avg-dwell', value: 90 },
        ],
      },
    ];
    expect((await push(counters.xovis!, logics(records))).body).toMatchObject({
      stored: 2,
      unchanged: 0,
    });
    expect((await push(counters.xovis!, logics(records))).body).toMatchObject({
      stored: 0,
      unchanged: 2,
    });
    // A sensor whose clock runs a day ahead, and a negative count: refused, flagged, not counted.
    const ahead = Date.now() + 86_400_000;
    const wrong = await push(
      counters.xovis!,
      logics([
        { from: ahead, to: ahead + 60_000, counts: [{ name: 'fw', value: 50 }] },
        { from, to: from + 60_000, counts: [{ name: 'fw', value: -3 }] },
      ]),
    );
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.body)).toMatch(/future/);
  });

  it('takes a side door’s counts over MQTT in the generic shape', async () => {
    const link = await mqtt.connectAsync(`mqtt://127.0.0.1:${server.mqttPort}`, {
      clientId: counters.side!.id,
      username: counters.side!.id,
      password: counters.side!.secret,
      reconnectPeriod: 0,
    });
    try {
      const period = {
        zone: 'Porte latérale',
        from: iso(hourStart(13)),
        to: iso(hourStart(13) + 30 * 60_000),
        in: 10,
        out: 4,
      };
      await link.publishAsync(counters.side!.mqttTopic, JSON.stringify({ periods: [period] }), {
        qos: 1,
      });
      // Sent twice (a sensor resending after a lost link): kept once.
      await link.publishAsync(counters.side!.mqttTopic, JSON.stringify({ periods: [period] }), {
        qos: 1,
      });
      await waitFor(
        () =>
          server.db
            .prepare('SELECT count(*) FROM footfall_periods WHERE counter_id = ?')
            .pluck()
            .get(counters.side!.id) === 1,
        'the side door’s period',
      );
      // A counter may not subscribe, nor publish anywhere else.
      await expect(link.subscribeAsync(counters.side!.mqttTopic, { qos: 1 })).rejects.toThrow(
        /Subscribe error/,
      );
    } finally {
      await link.endAsync();
    }
  });

  it('takes the till’s receipts as JSON and as a CSV export, each once', async () => {
    const at = (hour: number, minutes: number) => iso(hourStart(hour) + minutes * 60_000);
    const receipts = [
      { id: 'T1-0001', at: at(13, 5), total: 2500 },
      {
        id: 'T1-0002',
        at: at(13, 20),
        total: 1500,
        lines: [{ product: shown, quantity: 1, amount: 1500 }],
      },
      { id: 'T1-0003', at: at(13, 40), total: -500 },
      // The shown product the day before and the day after the campaign.
      {
        id: 'T0-0001',
        at: at(-10, 0),
        total: 3000,
        lines: [{ product: shown, quantity: 2, amount: 3000 }],
      },
      {
        id: 'T3-0001',
        at: at(34, 0),
        total: 1500,
        lines: [{ product: shown, quantity: 1, amount: 1500 }],
      },
    ];
    const sent = await call(server, apiRoutes.insights.addReceipts, {
      body: { receipts },
      token: manager,
    });
    expect(sent.body).toMatchObject({ stored: 5, unchanged: 0, refusedCount: 0 });
    const again = await call(server, apiRoutes.insights.addReceipts, {
      body: { receipts },
      token: manager,
    });
    expect(again.body).toMatchObject({ stored: 0, unchanged: 5 });
    // A till's export: the store's wall clock, a semicolon, French decimals, lines without a total.
    const local = (hour: number, minutes: number) =>
      axisClock(hourStart(hour) + minutes * 60_000).replace(
        /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/,
        '$1-$2-$3 $4:$5:$6',
      );
    const csv = [
      'receipt;at;total;currency;product;quantity;amount',
      `T2-0001;${local(17, 10)};12,50;EUR;;;`,
      `T2-0002;${local(17, 30)};;;p-2;2;10,00`,
      `T2-0002;${local(17, 30)};;;p-3;1;5,50`,
      `T2-0003;${local(17, 45)};30,00;;;;`,
      `T2-0004;not a time;1,00;;;;`,
    ].join('\n');
    const response = await fetch(routeUrl(server.url, apiRoutes.insights.importSales, {}), {
      method: 'POST',
      headers: { authorization: `Bearer ${manager}`, 'content-type': 'text/csv' },
      body: csv,
    });
    const imported = (await response.json()) as { stored: number; refusedCount: number };
    expect(response.status).toBe(200);
    expect(imported).toMatchObject({ stored: 3, refusedCount: 1 });
  });

  it('gives the day hour by hour in the store’s zone, as computed by hand', async () => {
    // Plays: one while people came in, one in the hour nobody did, one at the side door's time.
    const insert = server.db.prepare(
      `INSERT INTO events (id, device_id, seq, kind, at, received_at, payload) VALUES (?, 'signage-test', ?, 'proof-of-play', ?, ?, ?)`,
    );
    [hourStart(5) + 10 * 60_000, hourStart(6) + 10 * 60_000, hourStart(13) + 50 * 60_000].forEach(
      (at, i) =>
        insert.run(
          `0190a000-0000-7000-8000-00000000000${i}`,
          i + 1,
          iso(at),
          iso(at),
          JSON.stringify({ campaignId: CAMPAIGN, itemId: 'coat', playId: `p${i}`, phase: 'start' }),
        ),
    );
    const answer = await call(server, apiRoutes.insights.day, {
      query: { date: DAY },
      token: manager,
    });
    expect(answer.status).toBe(200);
    const figures = answer.body as unknown as DayFigures;
    expect(figures.hours).toHaveLength(25);
    expect(figures.hours.map((hour) => `${hour.label}${hour.offset}`).slice(1, 5)).toEqual([
      '01:00+02:00',
      '02:00+02:00',
      '02:00+01:00',
      '03:00+01:00',
    ]);
    const sideDoor = (hour: number) => (hour === 13 ? 10 : 0);
    expect(figures.hours.map((hour) => hour.visitors)).toEqual(
      ARRIVALS.map((n, hour) => n + sideDoor(hour)),
    );
    expect(figures.hours.map((hour) => hour.exits)).toEqual(
      ARRIVALS.map((n, hour) => n + (hour === 13 ? 4 : 0)),
    );
    const expectedTransactions = (hour: number) => (hour === 13 ? 2 : hour === 17 ? 3 : 0);
    expect(figures.hours.map((hour) => hour.transactions)).toEqual(
      ARRIVALS.map((_, hour) => expectedTransactions(hour)),
    );
    expect(figures.hours[13]!.revenue).toBe(2500 + 1500 - 500);
    expect(figures.hours[17]!.revenue).toBe(1250 + 1000 + 550 + 3000);
    expect(figures.hours[13]!.conversion).toBeCloseTo(2 / (ARRIVALS[13]! + 10), 6);
    expect(figures.hours[12]!.dwellSeconds).toBeCloseTo((6 * 40 + 4 * 90) / 10, 6);
    expect(
      figures.hours
        .map((hour) => [hour.plays, hour.playsWithPeople])
        .filter(([plays]) => plays! > 0),
    ).toEqual([
      [1, 1],
      [1, 0],
      [1, 1],
    ]);
    const visitors = ARRIVALS.reduce((a, b) => a + b, 0) + 10;
    expect(figures.totals).toMatchObject({
      visitors,
      transactions: 5,
      revenue: 3500 + 5800,
      plays: 3,
      playsWithPeople: 2,
    });
    expect(figures.totals.conversion).toBeCloseTo(5 / visitors, 6);
    expect(figures.totals.averageBasket).toBeCloseTo((3500 + 5800) / 5, 6);
    expect(figures.salesSource).toBe('till');
    expect(figures.zones).toEqual([
      { zone: 'Entrée', in: visitors - 10, out: visitors - 10, dwellSeconds: null },
      { zone: 'Porte latérale', in: 10, out: 4, dwellSeconds: null },
      { zone: 'Vitrine', in: 10, out: 10, dwellSeconds: 60 },
    ]);
    expect(figures.campaigns).toEqual([{ campaignId: CAMPAIGN, plays: 3, playsWithPeople: 2 }]);
    expect(figures.promoted).toEqual([{ productId: shown, units: 1, revenue: 1500 }]);
    // The campaign's impact: its product the day before, the day it ran, the day after.
    const impact = (await call(server, apiRoutes.insights.campaigns, { token: manager })).body
      .campaigns as CampaignImpact[];
    expect(impact.find((campaign) => campaign.campaignId === CAMPAIGN)?.windows).toEqual([
      {
        phase: 'before',
        from: addDays(DAY, -1),
        to: addDays(DAY, -1),
        days: 1,
        visitors: 0,
        plays: 0,
        units: 2,
        revenue: 3000,
      },
      { phase: 'during', from: DAY, to: DAY, days: 1, visitors, plays: 3, units: 1, revenue: 1500 },
      {
        phase: 'after',
        from: addDays(DAY, 1),
        to: addDays(DAY, 1),
        days: 1,
        visitors: 0,
        plays: 0,
        units: 1,
        revenue: 1500,
      },
    ]);
    // The same as CSV, one row per hour, the two 02:00 told apart by their offsets.
    const csv = await (
      await fetch(routeUrl(server.url, apiRoutes.insights.dayCsv, { query: { date: DAY } }), {
        headers: { authorization: `Bearer ${manager}` },
      })
    ).text();
    const rows = csv.trim().split('\n');
    expect(rows).toHaveLength(26);
    expect(rows[3]).toMatch(new RegExp(`^${DAY},02:00,\\+02:00,${ARRIVALS[2]},`));
    expect(rows[4]).toMatch(new RegExp(`^${DAY},02:00,\\+01:00,${ARRIVALS[3]},`));
  });

  it('shows the same figures in the staff console, with a bar per hour of the 25, and prints the week', async () => {
    const browser: BrowserContext = await launchChromium();
    try {
      await chooseConsoleLang(browser, 'fr');
      const page = await browser.newPage();
      await signInThroughConsole(page, server.url, 'manager', 'staff');
      await page.getByRole('tab', { name: 'Fréquentation' }).click();
      await page.getByLabel('Jour', { exact: true }).fill(DAY);
      const tile = (kpi: string) => page.locator(`[data-kpi="${kpi}"] dd`);
      const visitors = ARRIVALS.reduce((a, b) => a + b, 0) + 10;
      await expect.poll(() => tile('visitors').textContent()).toBe(String(visitors));
      expect(await tile('transactions').textContent()).toBe('5');
      const conversion = ((5 / visitors) * 100).toLocaleString('fr-FR', {
        maximumFractionDigits: 1,
      });
      expect((await tile('conversion').textContent())?.replace(/\s/g, ' ')).toBe(`${conversion} %`);
      expect(await tile('plays').textContent()).toBe('2 sur 3');
      // Two 02:00 bars, told apart by their offsets, in the chart's labels.
      expect(await page.locator('canvas').count()).toBe(3);
      await page.screenshot({ path: join(tmpdir(), 'vitrine-insights.png'), fullPage: true });
      // The week on one printable page: seven days, the autumn one with its visitors.
      const report = page.getByTestId('week-report');
      expect(await report.locator('tbody tr').count()).toBe(7);
      expect(await report.locator(`tr[data-date="${DAY}"] td`).nth(1).textContent()).toBe(
        String(visitors),
      );
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByTestId('insight-tiles').isVisible()).toBe(false);
      expect(await report.isVisible()).toBe(true);
      const pdf = await page.pdf();
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('names the hours of the week that most need another person, from the counts and the plan', async () => {
    // One person planned every hour of that Sunday; the weeks read reach back to it.
    const hours = Array.from({ length: 24 }, (_, hour) => ({ weekday: 7, hour, staff: 1 }));
    expect(
      (await call(server, apiRoutes.insights.setStaffingPlan, { body: { hours }, token: manager }))
        .status,
    ).toBe(204);
    // Asked for a week more than the store has counted, the averages are over the weeks it has.
    const counted = Math.ceil((Date.now() - hourStart(0)) / (7 * 86_400_000));
    const hints = (
      await call(server, apiRoutes.insights.staffing, {
        query: { weeks: Math.min(60, counted + 1) },
        token: manager,
      })
    ).body;
    const weeks = Math.min(60, counted);
    expect(hints.weeks).toBe(weeks);
    // Local 12:00 (the 14th hour of that day, after the repeated 02:00) had the side door's 10 too;
    // local 02:00 happened twice.
    expect(
      (hints.needMore as { weekday: number; hour: number; visitors: number }[]).slice(0, 2),
    ).toEqual([
      {
        weekday: 7,
        hour: 12,
        staff: 1,
        visitors: (ARRIVALS[13]! + 10) / weeks,
        perStaff: (ARRIVALS[13]! + 10) / weeks,
      },
      {
        weekday: 7,
        hour: 2,
        staff: 1,
        visitors: (ARRIVALS[2]! + ARRIVALS[3]!) / weeks,
        perStaff: (ARRIVALS[2]! + ARRIVALS[3]!) / weeks,
      },
    ]);
    expect(
      (
        await call(server, apiRoutes.insights.setStaffingPlan, {
          body: { hours: [{ weekday: 8, hour: 0, staff: 1 }] },
          token: manager,
        })
      ).status,
    ).toBe(400);
  });

  it('edits the staffing plan in the staff console, beside the visitors each hour brought', async () => {
    const browser: BrowserContext = await launchChromium();
    try {
      await chooseConsoleLang(browser, 'en');
      const page = await browser.newPage();
      await signInThroughConsole(page, server.url, 'manager', 'staff');
      await page.getByRole('tab', { name: 'Footfall' }).click();
      const plan = page.getByTestId('staffing-plan');
      await plan.locator('summary').click();
      // The plan set above: one person every hour of Sunday; noon is the busiest, so marked.
      const sundayNoon = plan.getByLabel('People planned on Sun at 12:00');
      await expect.poll(() => sundayNoon.inputValue()).toBe('1');
      expect(
        await sundayNoon.evaluate((input) => input.closest('td')?.classList.contains('needs-more')),
      ).toBe(true);
      await plan.getByLabel('People planned on Mon at 10:00').fill('2');
      await sundayNoon.fill('3');
      await plan.getByRole('button', { name: 'Save the plan' }).click();
      await plan.getByRole('status').filter({ hasText: 'Plan saved.' }).waitFor();
      const hints = (
        await call(server, apiRoutes.insights.staffing, { query: { weeks: 60 }, token: manager })
      ).body as { hours: { weekday: number; hour: number; staff: number }[] };
      const staffAt = (weekday: number, hour: number) =>
        hints.hours.find((h) => h.weekday === weekday && h.hour === hour)?.staff;
      expect([staffAt(1, 10), staffAt(7, 12), staffAt(7, 11), staffAt(1, 11)]).toEqual([
        2,
        3,
        1,
        undefined,
      ]);
      // A box that is not a whole number is refused on the page, and nothing is saved.
      await plan.getByLabel('People planned on Mon at 10:00').fill('1.5');
      await plan.getByRole('button', { name: 'Save the plan' }).click();
      await plan.getByRole('status').filter({ hasText: 'whole number' }).waitFor();
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('flags what was wrong with a counter and refuses a screen, a stranger, a malformed push and a flood', async () => {
    const listed = await call(server, apiRoutes.insights.counters, { token: manager });
    const xovis = (listed.body.counters as { id: string; flags: { kind: string }[] }[]).find(
      (counter) => counter.id === counters.xovis!.id,
    );
    expect(xovis?.flags.map((flag) => flag.kind).sort()).toEqual(['clock', 'refused']);
    // A screen's credential, a wrong password, no credential: refused before the body is read.
    expect((await push(counters.axis!, axisPush(3), `Bearer ${kioskBearer(server)}`)).status).toBe(
      403,
    );
    expect(
      (
        await push(
          counters.axis!,
          axisPush(3),
          `Basic ${Buffer.from(`${counters.axis!.id}:wrong-secret-wrong-secret`).toString('base64')}`,
        )
      ).status,
    ).toBe(401);
    expect((await push(counters.axis!, { ...axisPush(3), timestamp: 'yesterday' })).status).toBe(
      400,
    );
    expect((await push(counters.axis!, { ...axisPush(3), in: -4 })).status).toBe(400);
    // Staff cannot push counts, and a counter reads no figures.
    expect(
      (await call(server, apiRoutes.insights.pushCounts, { body: { periods: [] }, token: manager }))
        .status,
    ).toBe(401);
    expect(
      (
        await call(server, apiRoutes.insights.day, {
          query: { date: DAY },
          token: `${counters.axis!.id}.${counters.axis!.secret}`,
        })
      ).status,
    ).toBe(401);
    // A flood: refused once past the minute's allowance, and flagged.
    let refused = 0;
    for (let i = 0; i < 130; i++)
      if ((await push(counters.axis!, axisPush(10))).status === 429) refused++;
    expect(refused).toBeGreaterThan(0);
    const after = await call(server, apiRoutes.insights.counters, { token: manager });
    const axis = (after.body.counters as { id: string; flags: { kind: string }[] }[]).find(
      (counter) => counter.id === counters.axis!.id,
    );
    expect(axis?.flags.map((flag) => flag.kind)).toContain('flood');
  });
});
