// The servers' structured log (pino): one JSON line per event, with the fields
// that say which server wrote it (a store's id, head office's node).
import { pino, type Logger } from 'pino';

export type { Logger };

/** `base`: fields on every line, e.g. `{ store: 'paris-01' }`. */
export function createLogger(level: string, base: Record<string, string>): Logger {
  return pino({ level, base });
}
