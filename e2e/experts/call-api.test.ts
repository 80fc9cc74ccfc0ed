// The expert and call API's refusals on a real store server: sessions and
// roles, busy or offline experts, strangers to a call, malformed signals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, apiRoutes, routeUrl, type CallRequest } from '@vitrine/shared/core';
import { openSseFeed } from '@vitrine/shared/ui';
import type { StoreServer } from '@vitrine/store-server/server';
import { provisionDevice } from '../support/node-device';
import { startTestServer, waitFor } from '../support/test-server';
import { kioskBearer, signIn } from '../staff/staff-helpers';
import { expertConsole, presenceOf } from './presence-helpers';

let server: StoreServer;
let expert: string;
const closers: (() => void)[] = [];

beforeAll(async () => {
  server = await startTestServer();
  expert = await signIn(server, 'expert-hugo-lambert'); // tech
});
afterAll(async () => {
  for (const close of closers) close();
  await server?.close();
});

/** Each answer's HTTP status, newest last (the client gives a JSON answer's body only). */
const statuses: number[] = [];
/** The typed client as a device (`id.secret`) or a signed-in user (a session token). */
const as = (bearer?: string) =>
  apiClient(apiRoutes, {
    baseUrl: server.url,
    authorization: () => (bearer ? `Bearer ${bearer}` : undefined),
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      statuses.push(response.status);
      return response;
    },
  });

/** Opens an expert's live call feed and collects its messages. */
function goOnline(token: string): string[] {
  const seen: string[] = [];
  closers.push(
    openSseFeed(
      routeUrl(server.url, apiRoutes.experts.stream, {}),
      { authorization: `Bearer ${token}` },
      (m) => seen.push(m.data),
    ),
  );
  return seen;
}

const ask = (bearer: string, body: Partial<CallRequest>) =>
  as(bearer).calls.request({ body: { skill: 'tech', lang: 'fr', ...body } });

describe('expert and call API', () => {
  it('refuses the expert API without a session (401) and to staff (403)', async () => {
    await expect(as().experts.me()).rejects.toMatchObject({ status: 401 });
    await expect(as(kioskBearer(server)).experts.me()).rejects.toMatchObject({ status: 401 });
    const staff = await signIn(server, 'staff');
    await expect(as(staff).experts.me()).rejects.toMatchObject({ status: 403 });
    expect(await as(expert).experts.me()).toMatchObject({ presence: 'offline' });
    await expect(ask(staff, {})).rejects.toMatchObject({ status: 401 });
  });

  it('refuses a call to an offline expert, a busy one, and when nobody is online', async () => {
    const kiosk = kioskBearer(server);
    await expect(ask(kiosk, {})).rejects.toMatchObject({ code: 'no_expert' });
    await expect(ask(kiosk, { expertId: 'expert-hugo-lambert' })).rejects.toMatchObject({
      code: 'expert_offline',
    });
    const feed = goOnline(expert);
    await waitFor(() => feed.length > 0, 'the expert feed');
    const desk = await expertConsole(
      server,
      'expert-hugo-lambert',
      { skills: ['tech'], available: false },
      { token: expert },
    );
    closers.push(() => void desk.link.stop());
    await waitFor(async () => (await presenceOf(server, expert)) === 'away', 'present, away');
    await expect(ask(kiosk, { expertId: 'expert-hugo-lambert' })).rejects.toMatchObject({
      code: 'expert_away',
    });
    desk.link.declare({ skills: ['tech'], available: true });
    await waitFor(async () => (await presenceOf(server, expert)) === 'available', 'available');
    const { callId } = await ask(kiosk, { expertId: 'expert-hugo-lambert' });
    expect(statuses.at(-1)).toBe(201);
    await waitFor(() => feed.some((data) => data.includes('"ring"')), 'the ring');
    const other = provisionDevice(server, 'kiosk');
    const otherBearer = `${other.deviceId}.${other.secret}`;
    await expect(ask(otherBearer, { expertId: 'expert-hugo-lambert' })).rejects.toMatchObject({
      status: 409,
      code: 'expert_busy',
    });
    await expect(ask(kiosk, {})).rejects.toMatchObject({ code: 'call_in_progress' });

    const params = { id: callId };
    await as(expert).experts.accept({ params });
    expect(statuses.at(-1)).toBe(200);
    // A stranger may not signal into the call; a device may not push cards; junk is refused.
    await expect(
      as(otherBearer).calls.signal({ params, body: { type: 'answer', sdp: 'v=0' } }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      as(kiosk).calls.signal({ params, body: { type: 'card', productId: 'x' } }),
    ).rejects.toMatchObject({ status: 400 });
    // An offer without its SDP: junk the typed client would not send, so sent by hand.
    const junk = await fetch(routeUrl(server.url, apiRoutes.calls.signal, { params }), {
      method: 'POST',
      headers: { authorization: `Bearer ${kiosk}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'offer' }),
    });
    expect(junk.status).toBe(400);
    await expect(
      as(expert).experts.signal({ params, body: { type: 'card', productId: 'nope' } }),
    ).rejects.toMatchObject({ status: 404 });
    const rate = (value: 'green' | 'red') => as(kiosk).calls.rate({ params, body: { value } });
    await expect(rate('green')).rejects.toMatchObject({ status: 409 });
    await as(expert).experts.end({ params });
    await rate('red');
    expect(statuses.at(-1)).toBe(204);
    await expect(rate('red')).rejects.toMatchObject({ status: 409 });
    const row = server.db.prepare('SELECT end_reason, rating FROM calls WHERE id = ?').get(callId);
    expect(row).toEqual({ end_reason: 'expert-ended', rating: 'red' });
  });
});
