// Messages between the page and the assistant worker. The page's side is
// parsed; the reply comes from our own worker built with the page.
import { z } from 'zod';
import type { AssistantReply } from '../../core/assistant';

export const ToAssistant = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open'), dbName: z.string() }),
  /** The panel opened: build the engine now, not at the first question. */
  z.object({ type: z.literal('warm') }),
  z.object({
    type: z.literal('ask'),
    id: z.number().int(),
    question: z.string().max(1_000),
    lang: z.enum(['fr', 'en']),
    productId: z.string().max(64).optional(),
  }),
]);
export type ToAssistant = z.infer<typeof ToAssistant>;

export type FromAssistant = {
  type: 'reply';
  id: number;
  reply: AssistantReply;
  /** Time to answer in the worker, the engine's (re)build included when it had to. */
  ms: number;
};
