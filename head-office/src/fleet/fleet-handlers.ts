// The handler of head office's `fleet` route: the screens every store last reported.
import type { Pool } from 'pg';
import type { HqHandlers } from '../http/register-api';
import { listScreens } from './list-screens';

export function fleetHandlers(pool: Pool): HqHandlers['fleet'] {
  return {
    list: ({ query }) => {
      const { afterStore, afterDevice, limit, ...filters } = query;
      const after =
        afterStore !== undefined && afterDevice !== undefined
          ? { store: afterStore, device: afterDevice }
          : undefined;
      return listScreens(pool, filters, after, limit);
    },
  };
}
