import { describe, expect, it } from 'vitest';
import type { FaqEntry, Product } from '../catalogue';
import { AnswerEngine } from './answer-engine';

const faq: FaqEntry[] = [
  {
    id: 'faq-returns',
    question: { fr: 'Puis-je retourner un article ?', en: 'Can I return an item?' },
    answer: {
      fr: 'Oui, sous 30 jours avec le ticket.',
      en: 'Yes, within 30 days with the receipt.',
    },
    tags: ['returns'],
    variants: { fr: ['se faire rembourser'], en: ['get a refund'] },
  },
  {
    id: 'faq-toilets',
    question: { fr: 'Où sont les toilettes ?', en: 'Where are the toilets?' },
    answer: { fr: 'Au rez-de-chaussée.', en: 'On the ground floor.' },
    tags: ['store'],
  },
  {
    id: 'faq-parking',
    question: { fr: 'Où puis-je me garer ?', en: 'Where can I park?' },
    answer: { fr: 'Au parking du centre.', en: 'In the centre’s car park.' },
    tags: ['store'],
  },
];

function product(
  id: string,
  name: Product['name'],
  shelf: Product['name'],
  extra: Partial<Product> = {},
) {
  return {
    id,
    name,
    brand: '',
    department: 'demo',
    categoryPath: [{ fr: 'Rayon', en: 'Aisle' }, shelf],
    description: { fr: '', en: '' },
    priceCents: 1000,
    images: [],
    tags: [],
    variants: [{ id: `${id}-1` }],
    complementary: [],
    attributes: [],
    ...extra,
  } satisfies Product;
}

const EARBUDS = { fr: 'Écouteurs', en: 'Earbuds' };
const products: Product[] = [
  product('buds-1', { fr: 'Écouteurs sans fil Nova', en: 'Nova wireless earbuds' }, EARBUDS),
  product('buds-2', { fr: 'Écouteurs filaires Lune', en: 'Lune wired earbuds' }, EARBUDS),
  product(
    'jeans-1',
    { fr: 'Jean droit Hortense', en: 'Hortense straight jeans' },
    { fr: 'Jeans', en: 'Jeans' },
    {
      variants: [
        { id: 'jeans-1-w30', size: 'W30' },
        { id: 'jeans-1-w32', size: 'W32' },
      ],
    },
  ),
  product(
    'white-1',
    { fr: 'Muscadet blanc', en: 'Muscadet (white)' },
    { fr: 'Vins blancs', en: 'White wines' },
    {
      food: { dishes: [{ fr: 'Poisson grillé', en: 'Grilled fish' }] },
    },
  ),
];

const engine = new AnswerEngine(faq, products);

describe('AnswerEngine', () => {
  it('finds the FAQ entry in other words, with a typo, and through a variant', () => {
    const cases: [string, 'fr' | 'en', string][] = [
      ['je voudrais me faire rembourser', 'fr', 'faq-returns'],
      ['ou sont les toilletes', 'fr', 'faq-toilets'],
      ['where is the restroom', 'en', 'faq-toilets'],
      ['can I get a refund', 'en', 'faq-returns'],
    ];
    for (const [question, lang, id] of cases) {
      const ranked = engine.rank(question, lang);
      expect(ranked.confident, question).toBe(true);
      expect(ranked.answers[0]?.id, question).toBe(id);
    }
  });

  it('answers a catalogue question with the shelf’s products, those named like the question first', () => {
    const ranked = engine.rank('vous avez des écouteurs sans fil ?', 'fr');
    expect(ranked.confident).toBe(true);
    expect(ranked.answers[0]).toMatchObject({ kind: 'shelf', title: EARBUDS });
    expect(ranked.answers[0]?.productIds).toEqual(['buds-1', 'buds-2']);
  });

  it('matches a wine to a dish', () => {
    const ranked = engine.rank('un vin pour un poisson', 'fr');
    expect(ranked.answers[0]).toMatchObject({ kind: 'dish', productIds: ['white-1'] });
  });

  it('answers "in 30?" on a product’s page with its variant in that size', () => {
    const jeans = products[2];
    const ranked = engine.rank('vous l’avez en 30 ?', 'fr', { product: jeans });
    expect(ranked.answers[0]).toMatchObject({ kind: 'size', variantIds: ['jeans-1-w30'] });
    expect(engine.rank('waist 32?', 'en', { product: jeans }).answers[0]?.variantIds).toEqual([
      'jeans-1-w32',
    ]);
  });

  it('does not answer a question about something the knowledge base does not hold', () => {
    for (const [question, lang] of [
      ['vous vendez des timbres ?', 'fr'],
      ['can I pay in bitcoin', 'en'],
      ['quel temps fera-t-il demain', 'fr'],
    ] as const)
      expect(engine.rank(question, lang).confident, question).toBe(false);
  });

  it('reads an English question on a French screen', () => {
    const ranked = engine.rank('where are the toilets', 'fr');
    expect(ranked).toMatchObject({ lang: 'en', confident: true });
    expect(ranked.answers[0]?.id).toBe('faq-toilets');
  });
});
