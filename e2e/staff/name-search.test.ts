// Searching by name from the staff desk and the expert console (products, and
// a loyalty member who forgot their card) finds them whatever the word order,
// case or accents the person types.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { startTestServer } from '../support/test-server';
import { expertClient } from '../experts/presence-helpers';
import { call, kioskBearer, signIn } from './staff-helpers';

let server: StoreServer;
let staff: string;
let expert: string;
let product: { id: string; name: string };

beforeAll(async () => {
  server = await startTestServer();
  [staff, expert] = await Promise.all([
    signIn(server, 'staff'),
    signIn(server, 'expert-julie-mercier'),
  ]);
  // A name of three words or more with an accented letter, e.g. "Sac seau en cuir Albane".
  product = server.db
    .prepare(
      `SELECT id, json_extract(body, '$.name.fr') AS name FROM sync_docs
       WHERE collection = 'products' AND json_extract(body, '$.name.fr') LIKE '% % %'
         AND json_extract(body, '$.name.fr') GLOB '*[éèêàùç]*' ORDER BY id LIMIT 1`,
    )
    .get() as typeof product;
});
afterAll(async () => {
  await server?.close();
});

/** The name's words, last first, capitalised, without accents: "ALBANE cuir en seau Sac". */
const scrambled = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(' ')
    .reverse()
    .map((word, index) => (index === 0 ? word.toUpperCase() : word))
    .join(' ');

describe('product search by name', () => {
  it('finds a product from the staff desk with its words in any order, without accents', async () => {
    const query = scrambled(product.name);
    expect(query).not.toBe(product.name);
    const answer = await call(server, apiRoutes.stock.check, {
      query: { q: query },
      token: staff,
    });
    expect(answer.status).toBe(200);
    const ids = (answer.body.results as { product: { id: string } }[]).map((r) => r.product.id);
    expect(ids).toContain(product.id);
  });

  it('finds it from the expert console the same way, and nothing for a word it lacks', async () => {
    const search = (q: string) => expertClient(server, expert).experts.products({ query: { q } });
    const found = await search(scrambled(product.name));
    expect(found.products.map((p) => p.id)).toContain(product.id);
    const none = await search(`${product.name} zzzqqq`);
    expect(none.products).toEqual([]);
    await expect(search('a')).rejects.toMatchObject({ status: 400 });
  });
});

describe('member search by name', () => {
  it('finds a member by surname then first name, and only staff may ask', async () => {
    const member = server.db
      .prepare(
        `SELECT json_extract(body, '$.id') AS id, json_extract(body, '$.name') AS name
         FROM private_docs WHERE collection = 'members' AND json_extract(body, '$.name') LIKE '% %'
         ORDER BY id LIMIT 1`,
      )
      .get() as { id: string; name: string };
    const search = (q: string, token: string | undefined = staff) =>
      call(server, apiRoutes.loyalty.searchMembers, { query: { q }, token });
    const found = await search(scrambled(member.name));
    expect(found.status).toBe(200);
    expect((found.body.members as { id: string }[]).map((m) => m.id)).toContain(member.id);
    expect((await search('zzzqqq')).body.members).toEqual([]);
    expect((await search('a')).status).toBe(400);
    expect((await search(member.name, expert)).status).toBe(403);
    expect((await search(member.name, kioskBearer(server))).status).toBe(401);
  });
});

describe('signing in by name', () => {
  it('signs an expert in with their name in any word order, and the password still counts', async () => {
    const token = await signIn(server, 'Mercier Julie');
    const me = await call(server, apiRoutes.auth.me, { token });
    expect(me.body.user).toMatchObject({ id: 'expert-julie-mercier', name: 'Julie Mercier' });
    const wrong = await call(server, apiRoutes.auth.login, {
      body: { userId: 'Mercier Julie', password: 'not the password' },
    });
    expect(wrong.status).toBe(401);
  });
});
