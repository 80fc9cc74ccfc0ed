// The assistant's ranking: one MiniSearch (BM25) index per language over the
// FAQ, the shelves and the dishes; a question's terms (stemmed, synonyms
// added, a typo or two forgiven on long words) find documents, and a
// document's confidence is how much of the question it covers, each word
// weighed by how rare it is in the knowledge base. A word the knowledge base
// has never seen ("bitcoin", "météo") weighs the most: a question about
// something else is not answered with whatever shares its other words.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Localized, Product } from '../catalogue';
import {
  buildKnowledge,
  type Knowledge,
  type KnowledgeDoc,
  type KnowledgeKind,
  type ProductPick,
} from './assistant-knowledge';
import { SYNONYM_GROUPS } from './assistant-synonyms';
import { foldAccents, termOf, termsOf, wordsOf, type AssistantLang } from './assistant-text';
import { editDistance, Speller } from './assistant-speller';
import type { FaqEntry } from '../catalogue';

export interface AssistantAnswer {
  /** The FAQ entry's id, `shelf:…`, `dish:…` or `size:<product id>`. */
  id: string;
  kind: KnowledgeKind | 'size';
  /** 0–1: the share of the question the answer covers. */
  confidence: number;
  /** How much it matched: the weights of the question's words it covers, added up. */
  evidence: number;
  /** 0–1: the share of the answer's best-matched phrasing (its question or a variant) asked. */
  phrase: number;
  /** The answer's heading: the FAQ question, the shelf, the dish, the product's name. */
  title: Localized;
  /** A FAQ entry's answer. */
  text?: Localized;
  /** A shelf's, a dish's or a size's products, best first (at most PRODUCTS_PER_ANSWER). */
  productIds?: string[];
  /** A size question: the product's variants in the sizes asked. */
  variantIds?: string[];
}

export interface RankedAnswers {
  /** The language the question was read in (the screen's, or the other one when it fits better). */
  lang: AssistantLang;
  /** Best first; the first is worth showing when `confident`. */
  answers: AssistantAnswer[];
  confident: boolean;
}

export interface AskContext {
  /** The product on screen, for "this one" questions (sizes, accessories). */
  product?: Product | undefined;
}

/**
 * An answer is shown when it covers at least this share of what was asked, or when the question
 * holds most of one of its phrasings and covers a fair share (chosen on the question set's dev
 * half; see BENCHMARKS.md).
 */
export const CONFIDENT_COVERAGE = 0.6;
const CONFIDENT_PHRASE = 0.67;
const PHRASE_COVERAGE = 0.4;

function isConfident(answer: AssistantAnswer | undefined): boolean {
  if (!answer) return false;
  return (
    answer.confidence >= CONFIDENT_COVERAGE ||
    (answer.phrase >= CONFIDENT_PHRASE && answer.confidence >= PHRASE_COVERAGE)
  );
}
const MAX_ANSWERS = 3;
const PRODUCTS_PER_ANSWER = 6;
const FIELD_BOOST = { title: 3, variants: 2.2, body: 0.5, tags: 1 };
/** A word found only in an answer's text counts this much toward covering it. */
const BODY_ONLY_SHARE = 0.35;
const SYNONYM_WEIGHT = 0.8;
/**
 * A word the knowledge base has never seen weighs this share of the rarest word's weight: often
 * the subject of a question about something else ("timbres"), as often a word of its own
 * ("hier", "daughter"). Chosen on the question set's dev half.
 */
const UNKNOWN_WEIGHT = 0.75;
/** A word found only through a typo counts this much toward covering the question. */
const TYPO_SHARE = 0.7;

interface IndexedLang {
  search: MiniSearch<KnowledgeDoc>;
  /** Term → documents holding it (for its weight). */
  documentFrequency: Map<string, number>;
  docCount: number;
  synonyms: Map<string, string[]>;
  byId: Map<string, KnowledgeDoc>;
  /** Per document: the terms of each way it is put (its title, each variant). */
  phrases: Map<string, string[][]>;
  speller: Speller;
}

function indexLang(docs: KnowledgeDoc[], lang: AssistantLang): IndexedLang {
  const search = new MiniSearch<KnowledgeDoc>({
    fields: ['title', 'variants', 'body', 'tags'],
    idField: 'id',
    tokenize: (text) => wordsOf(text),
    processTerm: (word) => termOf(word, lang) ?? null,
    searchOptions: {
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
    },
  });
  search.addAll(docs);
  const documentFrequency = new Map<string, number>();
  for (const doc of docs) {
    const terms = new Set(termsOf(`${doc.title} ${doc.variants} ${doc.body} ${doc.tags}`, lang));
    for (const term of terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const synonyms = new Map<string, string[]>();
  for (const group of SYNONYM_GROUPS[lang]) {
    const terms = [...new Set(termsOf(group, lang))];
    for (const term of terms)
      synonyms.set(term, [
        ...(synonyms.get(term) ?? []),
        ...terms.filter((other) => other !== term),
      ]);
  }
  const speller = new Speller(
    docs
      .flatMap((doc) => [doc.title, doc.variants, doc.body, doc.tags])
      .concat(SYNONYM_GROUPS[lang]),
    (word) => termOf(word, lang),
  );
  return {
    search,
    speller,
    documentFrequency,
    docCount: docs.length,
    synonyms,
    byId: new Map(docs.map((doc) => [doc.id, doc])),
    phrases: new Map(
      docs.map((doc) => [
        doc.id,
        [doc.title, ...doc.variants.split(';')]
          .map((phrase) => [...new Set(termsOf(phrase, lang))])
          .filter((terms) => terms.length > 0),
      ]),
    ),
  };
}

/** How much a question's term says: rare in the knowledge base (or unknown to it) says most. */
function weightOf(index: IndexedLang, term: string): number {
  const frequency = index.documentFrequency.get(term);
  if (frequency === undefined) return Math.log(1 + index.docCount) * UNKNOWN_WEIGHT;
  return Math.log(1 + index.docCount / (frequency + 0.5));
}

/** Whether a document's term is what a query term found: itself, as a prefix, or within a typo or two. */
function foundBy(found: string, query: string): boolean {
  if (found === query || (query.length >= 4 && found.startsWith(query))) return true;
  const most = maxTypos(query);
  return (
    most > 0 && Math.abs(found.length - query.length) <= most && editDistance(found, query) <= most
  );
}

/** One typo in a word of 6 letters or more, two from 9: shorter words are too close to others. */
function maxTypos(term: string): number {
  return term.length >= 9 ? 2 : term.length >= 6 ? 1 : 0;
}

export class AnswerEngine {
  private readonly knowledge: Knowledge;
  private readonly indexes: Record<AssistantLang, IndexedLang>;

  constructor(faq: readonly FaqEntry[], products: readonly Product[]) {
    this.knowledge = buildKnowledge(faq, products);
    this.indexes = {
      fr: indexLang(this.knowledge.docs.fr, 'fr'),
      en: indexLang(this.knowledge.docs.en, 'en'),
    };
  }

  /** The answers to `question`, read in `lang` and, when it fits better, the other language. */
  rank(question: string, lang: AssistantLang, context: AskContext = {}): RankedAnswers {
    const size = this.sizeAnswer(question, context.product);
    const asked = this.rankIn(question, lang, context);
    const other = lang === 'fr' ? 'en' : 'fr';
    // The other language only when it answers where the screen's did not: an unsure reply
    // stays in the screen's language (its "did you mean" too).
    const otherLang = isConfident(asked.answers[0])
      ? undefined
      : this.rankIn(question, other, context);
    const best = otherLang && isConfident(otherLang.answers[0]) ? otherLang : asked;
    if (size) best.answers = [size, ...best.answers].slice(0, MAX_ANSWERS);
    const top = best.answers[0];
    return { ...best, confident: isConfident(top) };
  }

  private rankIn(question: string, lang: AssistantLang, context: AskContext) {
    const index = this.indexes[lang];
    const spelled = index.speller.correct(question);
    const asked = [...new Set(termsOf(spelled.text, lang))];
    if (asked.length === 0) return { lang, answers: [] };
    const expansion = new Map<string, string>();
    for (const term of asked)
      for (const synonym of index.synonyms.get(term) ?? [])
        if (!asked.includes(synonym) && !expansion.has(synonym)) expansion.set(synonym, term);
    const results = index.search.search([...asked, ...expansion.keys()].join(' '), {
      combineWith: 'OR',
      boost: FIELD_BOOST,
      // Words are stemmed: a prefix only helps a word the knowledge base does not know whole.
      prefix: (term) => !index.documentFrequency.has(term) && term.length >= 5,
      // A word the knowledge base knows is not a typo of another.
      fuzzy: (term) =>
        !index.documentFrequency.has(term) && maxTypos(term) > 0 ? maxTypos(term) : false,
      boostTerm: (term) => (expansion.has(term) ? SYNONYM_WEIGHT : 1),
    });
    const total = asked.reduce((sum, term) => sum + weightOf(index, term), 0);
    const topScore = results[0]?.score ?? 1;
    const scored = results.slice(0, 12).map((result) => {
      const covered = this.coverage(result, expansion, spelled.corrected);
      let sum = 0;
      for (const [term, share] of covered) sum += weightOf(index, term) * share;
      const coverage = total > 0 ? sum / total : 0;
      const phrase = this.phraseCoverage(index, String(result.id), [...asked, ...expansion.keys()]);
      return {
        result,
        coverage,
        phrase,
        evidence: sum,
        rank: coverage * 0.6 + phrase * 0.25 + (result.score / topScore) * 0.15,
      };
    });
    scored.sort((a, b) => b.rank - a.rank);
    const answers = scored.slice(0, MAX_ANSWERS).map(({ result, coverage, evidence, phrase }) => ({
      ...this.answerOf(index.byId.get(String(result.id))!, coverage, asked, lang, context),
      evidence,
      phrase,
    }));
    return { lang, answers };
  }

  /** The share of the document's best-matched phrase (its title or a variant) the question holds. */
  private phraseCoverage(index: IndexedLang, id: string, terms: readonly string[]): number {
    let best = 0;
    for (const phrase of index.phrases.get(id) ?? []) {
      let held = 0;
      let total = 0;
      for (const term of phrase) {
        const weight = weightOf(index, term);
        total += weight;
        if (terms.some((asked) => foundBy(term, asked))) held += weight;
      }
      if (total > 0) best = Math.max(best, held / total);
    }
    return best;
  }

  /** Per question term found in the document: 1, or less when found only in the answer's text. */
  private coverage(
    result: SearchResult,
    expansion: Map<string, string>,
    corrected: ReadonlySet<string>,
  ) {
    const covered = new Map<string, number>();
    for (const query of result.queryTerms) {
      const fields = new Set<string>();
      let typo = true;
      for (const found of result.terms)
        if (foundBy(found, query)) {
          if (found.startsWith(query)) typo = false;
          for (const field of result.match[found] ?? []) fields.add(field);
        }
      const inBody = [...fields].every((field) => field === 'body') ? BODY_ONLY_SHARE : 1;
      const term = expansion.get(query) ?? query;
      const share = inBody * (typo || corrected.has(term) ? TYPO_SHARE : 1);
      covered.set(term, Math.max(covered.get(term) ?? 0, share));
    }
    return covered;
  }

  private answerOf(
    doc: KnowledgeDoc,
    confidence: number,
    asked: readonly string[],
    lang: AssistantLang,
    context: AskContext,
  ): Omit<AssistantAnswer, 'evidence' | 'phrase'> {
    if (doc.kind === 'faq') {
      const entry = this.knowledge.faq.get(doc.id)!;
      return { id: doc.id, kind: 'faq', confidence, title: entry.question, text: entry.answer };
    }
    const source =
      doc.kind === 'shelf'
        ? this.knowledge.shelves.get(doc.id)!
        : this.knowledge.dishes.get(doc.id)!;
    return {
      id: doc.id,
      kind: doc.kind,
      confidence,
      title: source.label,
      productIds: pickProducts(source.products, asked, lang, context.product),
    };
  }

  /** "Vous l’avez en 42 ?" on a product's page: its variants in that size. */
  private sizeAnswer(question: string, product: Product | undefined): AssistantAnswer | undefined {
    if (!product) return undefined;
    const asked = sizeForms(question);
    const matching = product.variants.filter(
      (variant) => variant.size && sizeForms(variant.size, true).some((form) => asked.has(form)),
    );
    if (matching.length === 0) return undefined;
    return {
      id: `size:${product.id}`,
      kind: 'size',
      confidence: 1,
      evidence: 0,
      phrase: 1,
      title: product.name,
      productIds: [product.id],
      variantIds: matching.map((variant) => variant.id),
    };
  }
}

/**
 * The forms a size is written in: its words joined ("41 mm" → "41mm", "W30" → "w30") and,
 * for a size label, its number alone ("30", "41", "128") as shoppers say it. A question's
 * forms are its words and each pair of words joined.
 */
function sizeForms(text: string): Set<string>;
function sizeForms(text: string, label: true): string[];
function sizeForms(text: string, label?: true): Set<string> | string[] {
  const words = wordsOf(foldAccents(text));
  if (label) {
    const joined = words.join('');
    const number = /\d+/.exec(joined)?.[0];
    return number && number !== joined ? [joined, number] : [joined];
  }
  const forms = new Set(words);
  for (let i = 0; i + 1 < words.length; i++) forms.add(`${words[i]}${words[i + 1]}`);
  return forms;
}

/** A shelf's or a dish's products, those whose names share most of the question's words first. */
function pickProducts(
  products: readonly ProductPick[],
  asked: readonly string[],
  lang: AssistantLang,
  onScreen: Product | undefined,
): string[] {
  const complementary = new Set(onScreen?.complementary ?? []);
  return products
    .map((pick, order) => {
      let shared = 0;
      for (const term of asked) if (pick.terms[lang].has(term)) shared++;
      return { id: pick.id, rank: shared + (complementary.has(pick.id) ? 0.5 : 0), order };
    })
    .sort((a, b) => b.rank - a.rank || a.order - b.order)
    .slice(0, PRODUCTS_PER_ANSWER)
    .map((pick) => pick.id);
}
