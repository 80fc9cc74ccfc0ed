// The handlers of head office's `link` routes: what the stores refused, for the console.
import type { Pool } from '../db/pool';
import type { HqHandlers } from '../http/register-api';
import { listRefusals } from './link-refusals';

export function linkHandlers(pool: Pool): HqHandlers['link'] {
  return { refusals: ({ query }) => listRefusals(pool, query) };
}
