// The conversation as a hand-off carries it to staff: each question as kept
// (personal data masked on the device) and what the assistant said, in the
// screen's language, at most the last 30 lines.
import type { AssistantReply } from '../../core/assistant';
import type { TranscriptLine } from '../../core';
import type { Messages } from '../i18n/messages';

/** One question and its reply; `ms`: the time the device took to answer it (its worker's). */
export type AssistantTurn = { reply: AssistantReply; ms: number };

const MAX_LINES = 30;
const MAX_TEXT = 600;

function said(
  reply: AssistantReply,
  t: Messages['assistant'],
  names: (ids: string[]) => string,
): string {
  const lang = reply.lang;
  if (reply.outcome === 'refused') return t.refused;
  if (reply.outcome === 'cooling-down') return t.coolingDown;
  const best = reply.answers[0];
  if (reply.outcome === 'unsure' || !best)
    return reply.suggestions
      ? `${t.unsure} ${t.didYouMean} ${reply.suggestions.map((answer) => answer.title[lang]).join(' / ')}`
      : t.unsure;
  if (best.kind === 'faq') return `${best.title[lang]} ${best.text?.[lang] ?? ''}`.trim();
  const heading = (best.kind === 'dish' ? t.winesFor : t.productsFor)(best.title[lang]);
  return `${heading} — ${names(best.productIds ?? [])}`;
}

export function transcriptOf(
  turns: readonly AssistantTurn[],
  t: Messages['assistant'],
  names: (ids: string[]) => string,
): TranscriptLine[] {
  const lines = turns.flatMap(({ reply }): TranscriptLine[] => [
    { from: 'shopper', text: (reply.question || '—').slice(0, MAX_TEXT) },
    { from: 'assistant', text: said(reply, t, names).slice(0, MAX_TEXT) },
  ]);
  return lines.slice(-MAX_LINES);
}
