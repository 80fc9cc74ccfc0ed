// Scores the assistant on the question set written for it (e2e/assistant/
// questions.*.json: shoppers' questions in French and English, written apart
// from the answers; "test" is held out, "dev" is the one looked at while
// tuning). Runs the engine as the device does, over the demo store's FAQ and
// catalogue, and counts per language: top-1 and top-3 correct among the
// questions with an answer, no-answer questions correctly not answered, and
// the time per question.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  AnswerEngine,
  AssistantTurns,
  type AssistantAnswer,
  type AssistantLang,
} from '@vitrine/shared/assistant';
import type { FaqEntry, Product } from '@vitrine/shared/core';
import { generateDemoStore } from '@vitrine/store-server/demo';
import { percentile, round } from '../bench/stats';

const Names = z.union([z.string(), z.array(z.string()).min(1)]);
const EvalQuestion = z.object({
  id: z.string(),
  lang: z.enum(['fr', 'en']),
  question: z.string(),
  /** The shelf of the product on screen when the question is asked. */
  on: z.string().optional(),
  expect: z
    .union([
      z.object({ faq: z.string() }),
      z.object({ shelf: Names }),
      z.object({ dish: Names }),
      z.object({ size: z.string() }),
    ])
    .nullable(),
});
type EvalQuestion = z.infer<typeof EvalQuestion>;

export type QuestionSet = 'dev' | 'test';

function loadQuestions(set: QuestionSet): EvalQuestion[] {
  const path = join(import.meta.dirname, `questions.${set}.json`);
  return z.array(EvalQuestion).parse(JSON.parse(readFileSync(path, 'utf8')));
}

export interface LangScore {
  questions: number;
  answerable: number;
  top1: number;
  top3: number;
  /**
   * The right answer among the three the screen offers to tap: the answers when it answers, the
   * "did you mean" suggestions when it is unsure.
   */
  offered3: number;
  /** Questions with no answer in the knowledge base, and those the assistant did not answer. */
  noAnswer: number;
  noAnswerHeld: number;
  p95Ms: number;
  /** The questions it got wrong, for whoever tunes it (dev set only). */
  misses: { id: string; question: string; expected: string; got: string }[];
}

const asList = (names: string | string[]) => (Array.isArray(names) ? names : [names]);
const shelfOf = (product: Product | undefined) => product?.categoryPath.at(-1)?.fr;

function withLearned(faq: readonly FaqEntry[], questions: readonly EvalQuestion[]): FaqEntry[] {
  return faq.map((entry) => {
    const learned = questions.filter(
      (question) => question.expect && 'faq' in question.expect && question.expect.faq === entry.id,
    );
    const variants = { fr: [...(entry.variants?.fr ?? [])], en: [...(entry.variants?.en ?? [])] };
    for (const question of learned) variants[question.lang].push(question.question);
    return { ...entry, variants };
  });
}

export class AssistantBench {
  readonly engine: AnswerEngine;
  private readonly products: Map<string, Product>;

  /**
   * `learnFrom`: the questions of that set whose answer is a FAQ entry are added to the entry as
   * variants first, as head office does with the questions shops report unanswered.
   */
  constructor(options: { now?: Date; learnFrom?: QuestionSet } = {}) {
    const demo = generateDemoStore({ now: options.now ?? new Date() });
    const faq = options.learnFrom
      ? withLearned(demo.faq, loadQuestions(options.learnFrom))
      : demo.faq;
    this.engine = new AnswerEngine(faq, demo.products);
    this.products = new Map(demo.products.map((product) => [product.id, product]));
  }

  /** A product of the shelf named, in the size asked when there is one. */
  private productOn(shelf: string, size?: string): Product {
    const found = [...this.products.values()].find(
      (product) =>
        shelfOf(product) === shelf &&
        (size === undefined || product.variants.some((variant) => variant.size === size)),
    );
    if (!found)
      throw new Error(`the demo has no product on "${shelf}"${size ? ` in ${size}` : ''}`);
    return found;
  }

  private matches(answer: AssistantAnswer, question: EvalQuestion, onScreen?: Product): boolean {
    const expect = question.expect;
    if (!expect) return false;
    const first = this.products.get(answer.productIds?.[0] ?? '');
    if ('faq' in expect) return answer.kind === 'faq' && answer.id === expect.faq;
    if ('shelf' in expect)
      return answer.kind !== 'faq' && asList(expect.shelf).includes(shelfOf(first) ?? '');
    if ('dish' in expect)
      return (first?.food?.dishes ?? []).some((dish) => asList(expect.dish).includes(dish.fr));
    const sizes = (answer.variantIds ?? []).map(
      (id) => onScreen?.variants.find((variant) => variant.id === id)?.size,
    );
    return answer.kind === 'size' && sizes.includes(expect.size);
  }

  score(set: QuestionSet): Record<AssistantLang, LangScore> {
    const scores = {} as Record<AssistantLang, LangScore>;
    for (const lang of ['fr', 'en'] as const) {
      const questions = loadQuestions(set).filter((question) => question.lang === lang);
      const score: LangScore = {
        questions: questions.length,
        answerable: 0,
        top1: 0,
        top3: 0,
        offered3: 0,
        noAnswer: 0,
        noAnswerHeld: 0,
        p95Ms: 0,
        misses: [],
      };
      const times: number[] = [];
      for (const question of questions) {
        const size =
          question.expect && 'size' in question.expect ? question.expect.size : undefined;
        const product = question.on ? this.productOn(question.on, size) : undefined;
        const turns = new AssistantTurns(this.engine);
        const started = performance.now();
        const reply = turns.ask(question.question, lang, { product });
        times.push(performance.now() - started);
        const got =
          reply.outcome === 'answered'
            ? reply.answers.map((a) => `${a.id} ${round(a.confidence, 2)}`).join(', ')
            : `${reply.outcome} (${(reply.suggestions ?? []).map((a) => `${a.id} ${round(a.confidence, 2)}`).join(', ')})`;
        const expected = JSON.stringify(question.expect);
        if (!question.expect) {
          score.noAnswer++;
          if (reply.outcome !== 'answered') score.noAnswerHeld++;
          else score.misses.push({ id: question.id, question: question.question, expected, got });
          continue;
        }
        score.answerable++;
        const hits = reply.answers.map((answer) => this.matches(answer, question, product));
        if (hits[0]) score.top1++;
        if (hits.some(Boolean)) score.top3++;
        const offered = [...reply.answers, ...(reply.suggestions ?? [])];
        if (offered.some((answer) => this.matches(answer, question, product))) score.offered3++;
        if (!hits[0])
          score.misses.push({ id: question.id, question: question.question, expected, got });
      }
      score.p95Ms = round(percentile(times, 95), 2);
      scores[lang] = score;
    }
    return scores;
  }
}
