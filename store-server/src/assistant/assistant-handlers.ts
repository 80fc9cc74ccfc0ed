// The assistant's route (shared/src/core/http/routes/assistant.ts): one
// question answered as a kiosk answers it. Abuse and mashing are refused with
// no echo; each caller's refusals cool down like a screen's (keyed by device
// or staff member, a few hundred at most in a store).
import { AssistantTurns, type AnswerEngine } from '@vitrine/shared/assistant';
import { PROTOCOL_VERSION, type assistantRoutes } from '@vitrine/shared/core';
import { HttpError } from '@vitrine/shared/node';
import { LRUCache } from 'lru-cache';
import type { Handlers } from '../http/register-routes';
import type { AnswerService } from './answer-service';

export function assistantHandlers(service: AnswerService): Handlers<typeof assistantRoutes> {
  // One conversation state per caller, for the cool-down; the engine itself is shared.
  const turns = new LRUCache<string, { engine: AnswerEngine; turns: AssistantTurns }>({
    max: 1_000,
  });
  return {
    answers: ({ body, caller, res }) => {
      const product = body.productId ? service.product(body.productId) : undefined;
      if (body.productId && !product)
        throw new HttpError(404, 'product_not_found', `no product ${body.productId}`);
      const engine = service.current();
      const key = 'device' in caller ? `device:${caller.device.id}` : `staff:${caller.staff.id}`;
      let entry = turns.get(key);
      if (!entry || entry.engine !== engine) {
        entry = { engine, turns: new AssistantTurns(engine) };
        turns.set(key, entry);
      }
      res.set('cache-control', 'no-store');
      return { v: PROTOCOL_VERSION, ...entry.turns.ask(body.question, body.lang, { product }) };
    },
  };
}
