// The stores' assistants at head office: the questions they could not answer well, grouped (same
// stems, any order or inflection) with counts per store, most asked first; and the FAQ, the
// answers head office writes (fr + en, with other ways to ask), sent to every store on the link
// like the catalogue, so every screen's assistant answers them.
import { z } from 'zod';
import { FaqEntry } from '../../../catalogue';
import { route } from '../../route';
import { hqPublisher, hqReader } from './roles';

const LocalDay = z.iso.date();
const FaqId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an answer id: a-z, 0-9 and -');

export const UnansweredQuery = z
  .object({
    from: LocalDay,
    to: LocalDay,
    lang: z.enum(['fr', 'en']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((query) => query.from <= query.to, { message: '"from" is after "to"', path: ['to'] });
export type UnansweredQuery = z.infer<typeof UnansweredQuery>;

export const UnansweredGroup = z.object({
  lang: z.enum(['fr', 'en']),
  /** The group's most asked key: a question's stems, sorted. */
  key: z.string(),
  /** Every key merged into the group (similar stems); pass them all back when answering. */
  keys: z.array(z.string()).min(1),
  /** The last wording seen of the most asked key (personal data masked in the store). */
  sample: z.string(),
  /** Wordings of the group's keys, the most asked first (at most five). */
  samples: z.array(z.string()).min(1),
  count: z.number().int(),
  stores: z.array(z.object({ storeId: z.string(), count: z.number().int() })),
  lastDay: LocalDay,
});
export type UnansweredGroup = z.infer<typeof UnansweredGroup>;

export const UnansweredReply = z.object({ groups: z.array(UnansweredGroup) });

/** An answer written at head office, and the groups of unanswered questions it answers. */
export const FaqWrite = z
  .object({
    entry: FaqEntry,
    answers: z
      .array(z.object({ lang: z.enum(['fr', 'en']), key: z.string().min(1).max(200) }))
      .max(50)
      .default([]),
  })
  .strict();
export type FaqWrite = z.infer<typeof FaqWrite>;

export const FaqList = z.object({ entries: z.array(FaqEntry) });

export const hqAssistantRoutes = {
  unanswered: route({
    method: 'GET',
    path: '/assistant/unanswered',
    summary: 'Questions the assistants could not answer well, grouped, most asked first',
    auth: hqReader,
    query: UnansweredQuery,
    response: UnansweredReply,
  }),
  faq: route({
    method: 'GET',
    path: '/faq',
    summary: 'The answers every store’s assistant gives (the chain’s FAQ)',
    auth: hqReader,
    response: FaqList,
  }),
  putFaq: route({
    method: 'PUT',
    path: '/faq/:id',
    summary: 'Writes an answer (fr + en, with other ways to ask): sent to every store',
    auth: hqPublisher,
    params: z.object({ id: FaqId }),
    body: FaqWrite,
    response: FaqEntry,
  }),
} as const;
