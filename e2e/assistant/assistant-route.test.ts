// The assistant's route on a real store server: answers from the store's own
// FAQ and catalogue (SQLite), for a kiosk's credential or a staff member, with
// the product on screen; a new FAQ entry written to the store is answered at
// the next question; personal data never comes back; abuse is refused, then
// cooled down; bad input is a 4xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, type FaqEntry, type Product } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { startTestServer } from '../support/test-server';
import { call, kioskBearer, signIn } from '../staff/staff-helpers';

let server: StoreServer;
let staff: string;
const ask = (body: unknown, token: string) =>
  call(server, apiRoutes.assistant.answers, { body, token });

beforeAll(async () => {
  server = await startTestServer();
  staff = await signIn(server, 'staff');
});
afterAll(async () => {
  await server?.close();
});

describe('POST /api/v1/assistant/answers', () => {
  it('answers a kiosk from the store’s FAQ, and a staff member the same', async () => {
    for (const token of [kioskBearer(server), staff]) {
      const answer = await ask({ question: 'ou sont les toilettes svp', lang: 'fr' }, token);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ outcome: 'answered', lang: 'fr' });
      expect((answer.body.answers as { id: string }[])[0]?.id).toBe('faq-toilets');
    }
  });

  it('answers a size question about the product on screen from its variants', async () => {
    const jeans = server.db
      .prepare(
        `SELECT body FROM sync_docs WHERE collection = 'products' AND deleted = 0
           AND body LIKE '%"size":"W30"%' ORDER BY id LIMIT 1`,
      )
      .pluck()
      .get() as string;
    const product = JSON.parse(jeans) as Product;
    const answer = await ask(
      { question: 'vous l’avez en 30 ?', lang: 'fr', productId: product.id },
      kioskBearer(server),
    );
    const first = (answer.body.answers as { kind: string; variantIds: string[] }[])[0];
    expect(first?.kind).toBe('size');
    const sizes = first?.variantIds.map((id) => product.variants.find((v) => v.id === id)?.size);
    // Every colour of it in W30, nothing else.
    expect(sizes?.length).toBeGreaterThan(0);
    expect(new Set(sizes)).toEqual(new Set(['W30']));
  });

  it('answers a FAQ entry written to the store after the first question', async () => {
    const question = 'Is there a charging point for electric vehicles?';
    const before = await ask({ question, lang: 'en' }, staff);
    expect(before.body.outcome).not.toBe('answered');
    const entry: FaqEntry = {
      id: 'faq-ev-charging',
      question: {
        fr: 'Puis-je recharger ma voiture électrique ?',
        en: 'Can I charge my electric car?',
      },
      answer: { fr: 'Oui, au niveau -1 du parking.', en: 'Yes, on level -1 of the car park.' },
      tags: ['store'],
      variants: { fr: ['borne de recharge'], en: ['EV charging point'] },
    };
    server.catalogue.import({ faq: [entry] });
    const after = await ask({ question, lang: 'en' }, staff);
    expect(after.body.outcome).toBe('answered');
    expect((after.body.answers as { id: string }[])[0]?.id).toBe('faq-ev-charging');
  });

  it('never sends personal data back, and refuses abuse without an echo, then cools down', async () => {
    const kiosk = kioskBearer(server);
    const masked = await ask(
      { question: 'livraison à domicile ? mon tel 06 12 34 56 78 et jo@exemple.fr', lang: 'fr' },
      kiosk,
    );
    expect(JSON.stringify(masked.body)).not.toMatch(/06 12|jo@exemple/);
    expect(masked.body.question).toContain('[phone]');
    const refused = await ask({ question: 'espèce de connard', lang: 'fr' }, kiosk);
    expect(refused.body).toMatchObject({ outcome: 'refused', question: '', answers: [] });
    const cooled = await ask({ question: 'qsdfghjk', lang: 'fr' }, kiosk);
    expect(cooled.body.outcome).toBe('cooling-down');
    expect(cooled.body.until).toBeGreaterThan(Date.now());
    // Another screen is not cooled down by this one.
    const other = await ask({ question: 'horaires du dimanche', lang: 'fr' }, staff);
    expect(other.body.outcome).toBe('answered');
  });

  it('answers bad input with a 4xx and nobody unsigned at all', async () => {
    const bad: [unknown, number][] = [
      [{ question: '', lang: 'fr' }, 400],
      [{ question: 'x'.repeat(501), lang: 'fr' }, 400],
      [{ question: 'wifi', lang: 'de' }, 400],
      [{ question: 'wifi', lang: 'fr', extra: 1 }, 400],
      [{ question: 'wifi', lang: 'fr', productId: 'no-such-product' }, 404],
      ['wifi', 400],
    ];
    for (const [body, status] of bad)
      expect((await ask(body, staff)).status, JSON.stringify(body)).toBe(status);
    const anonymous = await call(server, apiRoutes.assistant.answers, {
      body: { question: 'wifi', lang: 'fr' },
    });
    expect(anonymous.status).toBe(401);
  });
});
