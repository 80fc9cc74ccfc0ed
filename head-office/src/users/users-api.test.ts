// Head office's people on a real PostgreSQL and a real head-office server: the admin token makes
// the first users; a person signs in and gets a session; each role opens what it should and no
// more (a reader reads, a publisher also publishes, only an admin manages stores and users); a
// session of a second head-office process works on the first (stateless); disabling a user or
// changing their password ends their sessions; bad input is a 4xx; guessing is slowed down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDraft } from '../campaigns/test-draft';
import { newStore, startStoresTestBed } from '../stores/test-bed';

let bed: Awaited<ReturnType<typeof startStoresTestBed>>;

beforeAll(async () => {
  bed = await startStoresTestBed();
});
afterAll(() => bed?.stop());

const signIn = async (userId: string, password: string) => {
  const answer = await bed.call('POST', '/auth/login', { userId, password }, { token: null });
  const json = answer.json as unknown as { token?: string; user?: unknown } | undefined;
  return { status: answer.status, token: String(json?.token ?? ''), json };
};

describe("head office's users", () => {
  it('signs people in with the roles they were given, and opens only what each role may', async () => {
    for (const [id, roles] of [
      ['ada', ['admin']],
      ['paul', ['publisher']],
      ['rita', []],
    ] as const) {
      const saved = await bed.call('PUT', `/users/${id}`, {
        name: id.toUpperCase(),
        roles,
        password: `${id}-correct-horse`,
      });
      expect(saved).toMatchObject({ status: 200, json: { id, roles, disabled: false } });
    }
    const [ada, paul, rita] = [
      await signIn('ada', 'ada-correct-horse'),
      await signIn('paul', 'paul-correct-horse'),
      await signIn('rita', 'rita-correct-horse'),
    ];
    expect(ada).toMatchObject({ status: 200, json: { user: { id: 'ada', roles: ['admin'] } } });
    expect(ada.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const as = (who: { token: string }) => ({ token: who.token });

    expect((await bed.call('GET', '/auth/me', undefined, as(rita))).json).toMatchObject({
      user: { id: 'rita', roles: [] },
    });
    // A reader reads everything, writes nothing.
    expect((await bed.call('GET', '/stores', undefined, as(rita))).status).toBe(200);
    expect((await bed.call('GET', '/reports/plays', undefined, as(rita))).status).not.toBe(401);
    const ritaPublishes = await bed.call('POST', '/campaigns', testDraft(), as(rita));
    expect(ritaPublishes).toMatchObject({ status: 403, json: { error: { code: 'forbidden' } } });
    // A publisher publishes, but does not make stores or users.
    expect((await bed.call('POST', '/campaigns', testDraft(), as(paul))).status).toBe(201);
    expect((await bed.call('POST', '/stores', newStore('U1'), as(paul))).status).toBe(403);
    const paulMakesUsers = await bed.call(
      'PUT',
      '/users/eve',
      { name: 'Eve', roles: ['admin'], password: 'eve-is-an-admin-now' },
      as(paul),
    );
    expect(paulMakesUsers.status).toBe(403);
    // An admin does all of it, on a second head-office process too (sessions are in PostgreSQL).
    const second = await bed.startHeadOfficeProcess();
    expect(
      (await bed.call('POST', '/stores', newStore('U1'), { ...as(ada), via: second })).status,
    ).toBe(201);
    const list = (await bed.call('GET', '/users', undefined, as(ada))).json as unknown as {
      users: unknown[];
    };
    expect(list.users).toHaveLength(3);
    // Nobody signed in: 401, and a body sent without a session is not read.
    expect((await bed.call('GET', '/stores', undefined, { token: null })).status).toBe(401);
    expect((await bed.call('POST', '/campaigns', testDraft(), { token: 'made-up' })).status).toBe(
      401,
    );
  });

  it('ends sessions when a user is disabled or gets a new password', async () => {
    await bed.call('PUT', '/users/tom', {
      name: 'Tom',
      roles: ['publisher'],
      password: 'tom-first-pass',
    });
    const first = await signIn('tom', 'tom-first-pass');
    expect((await bed.call('GET', '/auth/me', undefined, { token: first.token })).status).toBe(200);
    await bed.call('PUT', '/users/tom', { name: 'Tom', roles: [], password: 'tom-second-pass' });
    expect((await bed.call('GET', '/auth/me', undefined, { token: first.token })).status).toBe(401);
    expect((await signIn('tom', 'tom-first-pass')).status).toBe(401);
    const second = await signIn('tom', 'tom-second-pass');
    expect(second.json).toMatchObject({ user: { roles: [] } });

    expect((await bed.call('POST', '/users/tom/disable')).json).toMatchObject({ disabled: true });
    expect((await bed.call('GET', '/auth/me', undefined, { token: second.token })).status).toBe(
      401,
    );
    expect((await signIn('tom', 'tom-second-pass')).status).toBe(401);
    // Signing out ends the session.
    await bed.call('PUT', '/users/tom', { name: 'Tom', roles: [] });
    const third = await signIn('tom', 'tom-second-pass');
    await bed.call('POST', '/auth/logout', undefined, { token: third.token });
    expect((await bed.call('GET', '/auth/me', undefined, { token: third.token })).status).toBe(401);
  });

  it('refuses bad input with a 4xx and slows down guessing', async () => {
    const noPassword = await bed.call('PUT', '/users/newbie', { name: 'New', roles: [] });
    expect(noPassword).toMatchObject({
      status: 400,
      json: { error: { code: 'password_required' } },
    });
    const short = await bed.call('PUT', '/users/newbie', {
      name: 'New',
      roles: [],
      password: 'short',
    });
    expect(short.status).toBe(400);
    const badRole = await bed.call('PUT', '/users/newbie', {
      name: 'New',
      roles: ['owner'],
      password: 'long-enough-password',
    });
    expect(badRole.status).toBe(400);
    expect((await bed.call('PUT', '/users/bad%20id', { name: 'x', roles: [] })).status).toBe(400);
    expect((await bed.call('POST', '/users/nobody/disable')).status).toBe(404);
    expect((await bed.call('POST', '/auth/login', '{"userId":', { token: null })).status).toBe(400);

    const statuses: number[] = [];
    for (let attempt = 0; attempt < 8; attempt++)
      statuses.push((await signIn('ada', `wrong guess ${attempt}`)).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);
  });
});
