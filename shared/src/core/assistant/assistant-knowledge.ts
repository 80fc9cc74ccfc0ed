// What the assistant can answer from, as documents to rank: each FAQ entry
// (its question, the variants head office wrote, its answer), each shelf of
// the catalogue (its labels and the words most of its products' names share:
// "laine", "sans fil") and each dish the wines are matched with. A shelf or a
// dish answers with products; the products it names are picked afterwards.
import type { FaqEntry, Localized, Product } from '../catalogue';
import { termsOf, type AssistantLang } from './assistant-text';

export type KnowledgeKind = 'faq' | 'shelf' | 'dish';

export interface KnowledgeDoc {
  id: string;
  kind: KnowledgeKind;
  /** What a match says most about: the question, the shelf's name, the dish. */
  title: string;
  /** Other ways to say it: FAQ variants, a shelf's parents and common words, "vin" for a dish. */
  variants: string;
  /** The answer's own text: a match there says less. */
  body: string;
  tags: string;
}

/** A product as an answer picks it: its id and the terms of its name, per language. */
export interface ProductPick {
  id: string;
  terms: Record<AssistantLang, ReadonlySet<string>>;
}

interface ShelfKnowledge {
  label: Localized;
  products: ProductPick[];
}

interface DishKnowledge {
  label: Localized;
  /** Wines matched with the dish. */
  products: ProductPick[];
}

export interface Knowledge {
  faq: Map<string, FaqEntry>;
  shelves: Map<string, ShelfKnowledge>;
  dishes: Map<string, DishKnowledge>;
  docs: Record<AssistantLang, KnowledgeDoc[]>;
}

const WINE_WORDS: Record<AssistantLang, string> = {
  fr: 'vin vins accord accompagner avec bouteille boire servir',
  en: 'wine wines pairing pair goes with match bottle drink serve',
};
/** A name word shared by at least this share of a shelf's products describes the shelf. */
const COMMON_WORD_SHARE = 0.12;
const COMMON_WORDS_PER_SHELF = 16;

/** A stable, readable id from a label: "Vins blancs" → "vins-blancs". */
export function slugOf(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function pickOf(product: Product): ProductPick {
  return {
    id: product.id,
    terms: {
      fr: new Set(termsOf(`${product.name.fr} ${product.brand}`, 'fr')),
      en: new Set(termsOf(`${product.name.en} ${product.brand}`, 'en')),
    },
  };
}

/** The words most names on a shelf share, in `lang`, as text to index. */
function commonWords(products: readonly Product[], lang: AssistantLang): string {
  const counts = new Map<string, { word: string; count: number }>();
  for (const product of products) {
    const seen = new Set<string>();
    for (const word of product.name[lang].toLowerCase().split(/[^\p{L}\p{N}-]+/u)) {
      const key = termsOf(word, lang)[0];
      // Numbers ("30 W", "2 m") say nothing of what a shelf holds.
      if (!key || seen.has(key) || /\d/.test(key)) continue;
      seen.add(key);
      const entry = counts.get(key) ?? { word, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  }
  const least = Math.max(2, products.length * COMMON_WORD_SHARE);
  return [...counts.values()]
    .filter((entry) => entry.count >= least)
    .sort((a, b) => b.count - a.count)
    .slice(0, COMMON_WORDS_PER_SHELF)
    .map((entry) => entry.word)
    .join(' ');
}

/** Each distinct word of a shelf's product names and colours, in `lang`, as text to index. */
function allWords(products: readonly Product[], lang: AssistantLang): string {
  const words = new Set<string>();
  for (const product of products) {
    for (const word of product.name[lang].toLowerCase().split(/[^\p{L}-]+/u)) words.add(word);
    for (const variant of product.variants)
      if (variant.colourName) words.add(variant.colourName[lang].toLowerCase());
  }
  return [...words].join(' ');
}

export function buildKnowledge(faq: readonly FaqEntry[], products: readonly Product[]): Knowledge {
  const docs: Record<AssistantLang, KnowledgeDoc[]> = { fr: [], en: [] };
  const langs = ['fr', 'en'] as const;
  for (const entry of faq) {
    for (const lang of langs)
      docs[lang].push({
        id: entry.id,
        kind: 'faq',
        title: entry.question[lang],
        variants: (entry.variants?.[lang] ?? []).join(' ; '),
        body: entry.answer[lang],
        tags: entry.tags.join(' '),
      });
  }

  const shelfProducts = new Map<string, { path: Localized[]; products: Product[] }>();
  const dishProducts = new Map<string, { label: Localized; products: Product[] }>();
  for (const product of products) {
    const leaf = product.categoryPath.at(-1);
    if (leaf) {
      const id = `shelf:${slugOf(product.categoryPath.map((level) => level.fr).join(' '))}`;
      const shelf = shelfProducts.get(id) ?? { path: product.categoryPath, products: [] };
      shelf.products.push(product);
      shelfProducts.set(id, shelf);
    }
    for (const dish of product.food?.dishes ?? []) {
      const id = `dish:${slugOf(dish.fr)}`;
      const entry = dishProducts.get(id) ?? { label: dish, products: [] };
      entry.products.push(product);
      dishProducts.set(id, entry);
    }
  }

  const shelves = new Map<string, ShelfKnowledge>();
  for (const [id, { path, products: onShelf }] of shelfProducts) {
    const label = path.at(-1) as Localized;
    shelves.set(id, { label, products: onShelf.map(pickOf) });
    for (const lang of langs)
      docs[lang].push({
        id,
        kind: 'shelf',
        title: label[lang],
        variants: `${path
          .slice(0, -1)
          .map((level) => level[lang])
          .join(' ')} ${commonWords(onShelf, lang)}`,
        // Every word of its products' names and colours: "brie", "salami", "black" find the shelf.
        body: allWords(onShelf, lang),
        tags: '',
      });
  }
  const dishes = new Map<string, DishKnowledge>();
  for (const [id, { label, products: wines }] of dishProducts) {
    dishes.set(id, { label, products: wines.map(pickOf) });
    for (const lang of langs)
      docs[lang].push({
        id,
        kind: 'dish',
        title: label[lang],
        variants: WINE_WORDS[lang],
        body: '',
        tags: '',
      });
  }
  return { faq: new Map(faq.map((entry) => [entry.id, entry])), shelves, dishes, docs };
}
