// The assistant's quality on its question set, as a floor that must not slip
// (the figures themselves are `npm run bench assistant`'s, in BENCHMARKS.md).
import { describe, expect, it } from 'vitest';
import { AssistantBench } from './assistant-eval';

describe('the assistant on the question set', () => {
  const bench = new AssistantBench({ now: new Date('2026-12-07T12:00:00Z') });

  it('answers most questions right and leaves most of those with no answer unanswered', () => {
    for (const set of ['dev', 'test'] as const) {
      const scores = bench.score(set);
      for (const lang of ['fr', 'en'] as const) {
        const score = scores[lang];
        const where = `${set} ${lang}`;
        expect(score.questions, where).toBeGreaterThanOrEqual(100);
        expect(score.noAnswer / score.questions, where).toBeGreaterThanOrEqual(0.2);
        expect(score.top1 / score.answerable, where).toBeGreaterThanOrEqual(0.6);
        expect(score.top3, where).toBeGreaterThanOrEqual(score.top1);
        expect(score.noAnswerHeld / score.noAnswer, where).toBeGreaterThanOrEqual(0.7);
        expect(score.p95Ms, where).toBeLessThan(50);
      }
    }
  });
});
