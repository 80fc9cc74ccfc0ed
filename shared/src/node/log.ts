// The servers' structured log (pino): one JSON line per event, with the fields
// that say which server wrote it (a store's id, head office's node).
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * `base`: fields on every line, e.g. `{ store: 'paris-01' }`. `destination`: where the lines go
 * (standard output unless told; a test that runs a server in its own process reads them here).
 */
export function createLogger(
  level: string,
  base: Record<string, string>,
  destination?: DestinationStream,
): Logger {
  return destination ? pino({ level, base }, destination) : pino({ level, base });
}
