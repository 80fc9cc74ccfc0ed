import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, storeId: string): Logger {
  return pino({ level, base: { store: storeId } });
}
