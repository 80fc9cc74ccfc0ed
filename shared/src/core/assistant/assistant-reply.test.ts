import { describe, expect, it } from 'vitest';
import { AnswerEngine } from './answer-engine';
import { AssistantTurns, COOL_DOWN_MS } from './assistant-reply';
import { MASKS } from './question-guard';

const engine = new AnswerEngine(
  [
    {
      id: 'faq-customer-service',
      question: {
        fr: 'Comment contacter le service client ?',
        en: 'How do I contact customer service?',
      },
      answer: { fr: 'Au 01 23 45 67 89.', en: 'On 01 23 45 67 89.' },
      tags: [],
    },
  ],
  [],
);

describe('AssistantTurns', () => {
  it('masks personal data in the question it keeps, and answers what is left', () => {
    const reply = new AssistantTurns(engine).ask(
      'contacter le service client, mon numéro est 06 12 34 56 78, mail jo@exemple.fr',
      'fr',
    );
    expect(reply.outcome).toBe('answered');
    expect(reply.answers[0]?.id).toBe('faq-customer-service');
    expect(reply.question).toBe(
      `contacter le service client, mon numéro est ${MASKS.phone}, mail ${MASKS.email}`,
    );
  });

  it('refuses abuse without echoing it, then cools down after a second one', () => {
    const turns = new AssistantTurns(engine);
    const first = turns.ask('espèce de connard', 'fr', { now: 1_000 });
    expect(first).toMatchObject({ outcome: 'refused', question: '', answers: [] });
    const second = turns.ask('asdfgh', 'fr', { now: 2_000 });
    expect(second).toMatchObject({ outcome: 'cooling-down', until: 2_000 + COOL_DOWN_MS });
    expect(turns.ask('service client', 'fr', { now: 3_000 }).outcome).toBe('cooling-down');
    expect(turns.ask('service client', 'fr', { now: 2_000 + COOL_DOWN_MS }).outcome).toBe(
      'answered',
    );
  });

  it('offers the closest answer as a reformulation rather than guessing', () => {
    const reply = new AssistantTurns(engine).ask('service client, canapé rayé livré mardi', 'fr');
    expect(reply.outcome).toBe('unsure');
    expect(reply.answers).toEqual([]);
    expect(reply.suggestions?.[0]?.id).toBe('faq-customer-service');
  });
});
