// The assistant's answer service: the same ranking a kiosk runs on its own
// copy, run by the store server over its catalogue and FAQ, for evaluation
// (`npm run ask`), for staff checking an answer, and for a screen that has no
// local copy yet.
import { z } from 'zod';
import { Localized } from '../../catalogue';
import { PROTOCOL_VERSION } from '../../protocol';
import { deviceOrStaff, route } from '../route';

const Lang = z.enum(['fr', 'en']);

export const AssistantQuestion = z
  .object({
    /** What the shopper typed; the server masks personal data before it keeps or answers it. */
    question: z.string().trim().min(1, 'a question').max(500),
    lang: Lang,
    /** The product on screen, for "this one" questions (sizes, accessories). */
    productId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type AssistantQuestion = z.infer<typeof AssistantQuestion>;

export const AssistantAnswerBody = z.object({
  id: z.string(),
  kind: z.enum(['faq', 'shelf', 'dish', 'size']),
  confidence: z.number(),
  evidence: z.number(),
  phrase: z.number(),
  title: Localized,
  text: Localized.optional(),
  productIds: z.array(z.string()).optional(),
  variantIds: z.array(z.string()).optional(),
});

export const AssistantReplyBody = z.object({
  v: z.literal(PROTOCOL_VERSION),
  /** The question as it may be kept (personal data masked; empty when refused). */
  question: z.string(),
  lang: Lang,
  outcome: z.enum(['answered', 'unsure', 'refused', 'cooling-down']),
  answers: z.array(AssistantAnswerBody),
  suggestions: z.array(AssistantAnswerBody).max(3).optional(),
  until: z.number().optional(),
  key: z.string().optional(),
});
export type AssistantReplyBody = z.infer<typeof AssistantReplyBody>;

export const assistantRoutes = {
  answers: route({
    method: 'POST',
    path: '/assistant/answers',
    summary: 'The best answers to a shopper’s question (FAQ, shelves, wines for a dish, sizes)',
    auth: deviceOrStaff(),
    body: AssistantQuestion,
    response: AssistantReplyBody,
  }),
} as const;
