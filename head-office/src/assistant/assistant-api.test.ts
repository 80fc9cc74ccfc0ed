// Head office's assistant routes on a real head office (PostgreSQL 15, NATS): the questions two
// stores' screens could not answer, grouped however they were worded (similar stems merged), with counts per store;
// an answer written at head office is queued for every store on the chain's subject and its
// groups leave the list; a reader may list, only a publisher may write; bad input is a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localMoment, type FaqEntry, type UnansweredGroup } from '@vitrine/shared/core';
import { storeEventsBatch } from '../events/store-batch';
import { eventsBatch, storeEvent } from '../events/test-events';
import { newStore, startStoresTestBed } from '../stores/test-bed';

const NOW = Date.now();
/** The stores' day (the test bed's stores are in Paris): past 23:00 UTC, it is tomorrow's. */
const TODAY = localMoment(NOW, 'Europe/Paris').date;
let bed: Awaited<ReturnType<typeof startStoresTestBed>>;

const question = (text: string, key: string, lang: 'fr' | 'en' = 'fr') =>
  storeEvent('question', { question: text, lang, key }, NOW);

beforeAll(async () => {
  bed = await startStoresTestBed();
  for (const id of ['lyon', 'paris'])
    expect((await bed.call('POST', '/stores', newStore(id))).status).toBe(201);
  await storeEventsBatch(
    bed.hq.pool,
    'lyon',
    eventsBatch([
      question('Je peux payer en bitcoin ?', 'bitcoin payer'),
      question('payer en bitcoins svp', 'bitcoin payer'),
      question('vous vendez des timbres ?', 'timbr'),
      // Other words, most of the same stems: one group with the above.
      question('Vous acceptez le bitcoin pour payer ?', 'accept bitcoin payer'),
    ]),
    NOW,
  );
  await storeEventsBatch(
    bed.hq.pool,
    'paris',
    eventsBatch([
      question('Bitcoin, je peux payer avec ?', 'bitcoin payer'),
      question('Do you sell stamps?', 'stamp', 'en'),
    ]),
    NOW,
  );
}, 120_000);
afterAll(async () => {
  await bed?.stop();
});

const unanswered = async (query = '') =>
  (await bed.call('GET', `/assistant/unanswered?from=${TODAY}&to=${TODAY}${query}`))
    .json as unknown as {
    groups: UnansweredGroup[];
  };

describe('the stores’ unanswered questions at head office', () => {
  it('groups them however they were worded, most asked first, with counts per store', async () => {
    const { groups } = await unanswered();
    expect(groups.map((group) => [group.lang, group.key, group.count])).toEqual([
      ['fr', 'bitcoin payer', 4],
      ['en', 'stamp', 1],
      ['fr', 'timbr', 1],
    ]);
    expect(groups[0]!.keys).toEqual(['bitcoin payer', 'accept bitcoin payer']);
    expect(groups[0]!.samples).toContain('Vous acceptez le bitcoin pour payer ?');
    expect(groups[0]!.stores).toEqual([
      { storeId: 'lyon', count: 3 },
      { storeId: 'paris', count: 1 },
    ]);
    expect(groups[0]!.lastDay).toBe(TODAY);
    expect((await unanswered('&lang=en')).groups.map((group) => group.key)).toEqual(['stamp']);
  });

  it('sends an answer to every store and takes its groups off the list', async () => {
    const entry: FaqEntry = {
      id: 'crypto',
      question: { fr: 'Acceptez-vous les cryptomonnaies ?', en: 'Do you accept cryptocurrencies?' },
      answer: { fr: 'Non, pas pour le moment.', en: 'No, not for now.' },
      tags: ['payment'],
      variants: { fr: ['payer en bitcoin'], en: ['pay with bitcoin'] },
    };
    const written = await bed.call('PUT', '/faq/crypto', {
      entry,
      answers: [
        { lang: 'fr', key: 'bitcoin payer' },
        { lang: 'fr', key: 'accept bitcoin payer' },
      ],
    });
    expect(written.status).toBe(200);
    expect((await unanswered()).groups.map((group) => group.key)).toEqual(['stamp', 'timbr']);
    const listed = (await bed.call('GET', '/faq')).json as unknown as { entries: FaqEntry[] };
    expect(listed.entries).toEqual([entry]);
    // Queued on the chain's subject, as a catalogue delta every store applies.
    const queued = await bed.hq.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM link_outbox WHERE body::text LIKE '%"c": "faq"%' AND body::text LIKE '%crypto%'`,
    );
    expect(queued.rows[0]!.n).toBe(1);
  });

  it('refuses a mismatched id, a bad answer and a bad range with a 400, and a writer who is no publisher', async () => {
    const entry = {
      id: 'x',
      question: { fr: 'a', en: 'b' },
      answer: { fr: 'c', en: 'd' },
      tags: [],
    };
    expect((await bed.call('PUT', '/faq/y', { entry, answers: [] })).status).toBe(400);
    expect((await bed.call('PUT', '/faq/x', { entry: { ...entry, answer: 'oui' } })).status).toBe(
      400,
    );
    expect((await bed.call('PUT', '/faq/Bad Id', { entry, answers: [] })).status).toBe(400);
    expect(
      (await bed.call('GET', `/assistant/unanswered?from=${TODAY}&to=2020-01-01`)).status,
    ).toBe(400);
    expect((await bed.call('GET', '/faq', undefined, { token: null })).status).toBe(401);
  });
});
