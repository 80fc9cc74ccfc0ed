// The expert and call API's refusals on a real store server: sessions and
// roles, busy or offline experts, strangers to a call, malformed signals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSseFeed } from '@vitrine/shared/ui';
import type { StoreServer } from '@vitrine/store-server/server';
import { provisionDevice } from '../support/node-device';
import { startTestServer, waitFor } from '../support/test-server';
import { call, kioskBearer, signIn } from '../staff/staff-helpers';
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

/** Opens an expert's live call feed and collects its messages. */
function goOnline(token: string): string[] {
  const seen: string[] = [];
  closers.push(
    openSseFeed(
      `${server.url}/api/v1/experts/me/stream`,
      { authorization: `Bearer ${token}` },
      (m) => seen.push(m.data),
    ),
  );
  return seen;
}

const ask = (bearer: string, body: Record<string, unknown>) =>
  call(server, '/calls', { token: bearer, body: { skill: 'tech', lang: 'fr', ...body } });

describe('expert and call API', () => {
  it('refuses the expert API without a session (401) and to staff (403)', async () => {
    expect((await call(server, '/experts/me')).status).toBe(401);
    expect((await call(server, '/experts/me', { token: kioskBearer(server) })).status).toBe(401);
    const staff = await signIn(server, 'staff');
    expect((await call(server, '/experts/me', { token: staff })).status).toBe(403);
    expect((await call(server, '/experts/me', { token: expert })).body).toMatchObject({
      presence: 'offline',
    });
    expect(
      (await call(server, '/calls', { token: staff, body: { skill: 'tech', lang: 'fr' } })).status,
    ).toBe(401);
  });

  it('refuses a call to an offline expert, a busy one, and when nobody is online', async () => {
    const kiosk = kioskBearer(server);
    expect((await ask(kiosk, {})).body.error?.code).toBe('no_expert');
    expect((await ask(kiosk, { expertId: 'expert-hugo-lambert' })).body.error?.code).toBe(
      'expert_offline',
    );
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
    expect((await ask(kiosk, { expertId: 'expert-hugo-lambert' })).body.error?.code).toBe(
      'expert_away',
    );
    desk.link.declare({ skills: ['tech'], available: true });
    await waitFor(async () => (await presenceOf(server, expert)) === 'available', 'available');
    const first = await ask(kiosk, { expertId: 'expert-hugo-lambert' });
    expect(first.status).toBe(201);
    await waitFor(() => feed.some((data) => data.includes('"ring"')), 'the ring');
    const other = provisionDevice(server, 'kiosk');
    const busy = await ask(`${other.deviceId}.${other.secret}`, {
      expertId: 'expert-hugo-lambert',
    });
    expect(busy.status).toBe(409);
    expect(busy.body.error?.code).toBe('expert_busy');
    expect((await ask(kiosk, {})).body.error?.code).toBe('call_in_progress');

    const callId = first.body.callId as string;
    expect(
      (await call(server, `/experts/calls/${callId}/accept`, { token: expert, method: 'POST' }))
        .status,
    ).toBe(200);
    // A stranger may not signal into the call; a device may not push cards; junk is refused.
    const stranger = await call(server, `/calls/${callId}/signal`, {
      token: `${other.deviceId}.${other.secret}`,
      body: { type: 'answer', sdp: 'v=0' },
    });
    expect(stranger.status).toBe(403);
    expect(
      (
        await call(server, `/calls/${callId}/signal`, {
          token: kiosk,
          body: { type: 'card', productId: 'x' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await call(server, `/calls/${callId}/signal`, { token: kiosk, body: { type: 'offer' } }))
        .status,
    ).toBe(400);
    expect(
      (
        await call(server, `/experts/calls/${callId}/signal`, {
          token: expert,
          body: { type: 'card', productId: 'nope' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(server, `/calls/${callId}/rating`, { token: kiosk, body: { value: 'green' } }))
        .status,
    ).toBe(409);
    await call(server, `/experts/calls/${callId}/end`, { token: expert, method: 'POST' });
    expect(
      (await call(server, `/calls/${callId}/rating`, { token: kiosk, body: { value: 'red' } }))
        .status,
    ).toBe(204);
    expect(
      (await call(server, `/calls/${callId}/rating`, { token: kiosk, body: { value: 'red' } }))
        .status,
    ).toBe(409);
    const row = server.db.prepare('SELECT end_reason, rating FROM calls WHERE id = ?').get(callId);
    expect(row).toEqual({ end_reason: 'expert-ended', rating: 'red' });
  });
});
