// One turn of the assistant on a screen: the question screened and masked,
// then answered (the best answer and up to two more), not answered ("did you
// mean" with up to three close answers to tap, and a hand-off, never a guess), or refused with a fixed text and a
// short cool-down when it was abuse or mashing, repeated.
import type { Product } from '../catalogue';
import type { AnswerEngine, AssistantAnswer } from './answer-engine';
import { questionKey, type AssistantLang } from './assistant-text';
import { MASKS, maskPersonalData, screenQuestion } from './question-guard';

/** A question longer than this is cut: nobody types more at a kiosk. */
export const MAX_QUESTION_LENGTH = 200;
/** Refusals in a row before the box cools down, and for how long. */
const REFUSALS_BEFORE_COOL_DOWN = 2;
export const COOL_DOWN_MS = 15_000;
/** Below the confident share but at least this: offered under "did you mean…". */
const DID_YOU_MEAN_COVERAGE = 0.2;
/** An alternative to the best answer is shown when it covers at least this share. */
const ALTERNATIVE_COVERAGE = 0.4;

export type AssistantOutcome = 'answered' | 'unsure' | 'refused' | 'cooling-down';

export interface AssistantReply {
  /** The question as it may be kept: personal data masked, empty when refused. */
  question: string;
  lang: AssistantLang;
  outcome: AssistantOutcome;
  /** Answered: the best first, at most three. */
  answers: AssistantAnswer[];
  /** Unsure: the closest answers (at most three, best first), offered as reformulations. */
  suggestions?: AssistantAnswer[];
  /** Cooling down: when the box takes questions again. */
  until?: number;
  /** Unsure: the question's group key for head office's list of unanswered ones (questionKey). */
  key?: string;
}

/** One screen's conversation state: what it needs to cool down after repeated refusals. */
export class AssistantTurns {
  private refusals = 0;
  private coolUntil = 0;

  constructor(private readonly engine: AnswerEngine) {}

  ask(
    question: string,
    lang: AssistantLang,
    options: { product?: Product | undefined; now?: number } = {},
  ): AssistantReply {
    const now = options.now ?? Date.now();
    if (now < this.coolUntil)
      return { question: '', lang, outcome: 'cooling-down', answers: [], until: this.coolUntil };
    const text = question.slice(0, MAX_QUESTION_LENGTH);
    const verdict = screenQuestion(text);
    if (verdict !== 'ok') {
      this.refusals++;
      if (this.refusals >= REFUSALS_BEFORE_COOL_DOWN) {
        this.coolUntil = now + COOL_DOWN_MS;
        this.refusals = 0;
        return { question: '', lang, outcome: 'cooling-down', answers: [], until: this.coolUntil };
      }
      return { question: '', lang, outcome: 'refused', answers: [] };
    }
    this.refusals = 0;
    return answerQuestion(this.engine, text, lang, options.product);
  }
}

/** The engine's answer to a question already screened. */
export function answerQuestion(
  engine: AnswerEngine,
  question: string,
  lang: AssistantLang,
  product?: Product,
): AssistantReply {
  const masked = maskPersonalData(question.slice(0, MAX_QUESTION_LENGTH));
  // The marks are not words of the question ("[phone]" is not asking about phones).
  const unmarked = Object.values(MASKS).reduce((text, mark) => text.replaceAll(mark, ' '), masked);
  const ranked = engine.rank(unmarked, lang, { product });
  if (ranked.confident) {
    const [best, ...others] = ranked.answers;
    const alternatives = others.filter((answer) => answer.confidence >= ALTERNATIVE_COVERAGE);
    return {
      question: masked,
      lang: ranked.lang,
      outcome: 'answered',
      answers: [best!, ...alternatives],
    };
  }
  const suggestions = ranked.answers.filter((answer) => answer.confidence >= DID_YOU_MEAN_COVERAGE);
  const key = questionKey(unmarked, ranked.lang);
  return {
    question: masked,
    lang: ranked.lang,
    outcome: 'unsure',
    answers: [],
    ...(key && { key }),
    ...(suggestions.length > 0 && { suggestions }),
  };
}
