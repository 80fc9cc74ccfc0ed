// The handlers of head office's `settings` routes (the chain's and one store's).
import type { Logger } from '@vitrine/shared/node';
import type { Pool } from '../db/pool';
import type { HqHandlers } from '../http/register-api';
import { getSettings, putSettings } from './screen-settings';

export function settingsHandlers(pool: Pool, log: Logger): HqHandlers['settings'] {
  return {
    getChain: () => getSettings(pool, { kind: 'chain' }),
    putChain: async ({ body }) => {
      const saved = await putSettings(pool, { kind: 'chain' }, body);
      log.info('chain settings replaced');
      return saved;
    },
    getStore: ({ params }) => getSettings(pool, { kind: 'store', storeId: params.id }),
    putStore: async ({ params, body }) => {
      const saved = await putSettings(pool, { kind: 'store', storeId: params.id }, body);
      log.info({ store: params.id }, 'store settings replaced');
      return saved;
    },
  };
}
