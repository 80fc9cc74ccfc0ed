// Head office's logger until the shared node zone's lands (issue 16 moves the store's there).
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'head-office', pid: process.pid } });
}
