// One JSON line per shell event, so a technician can grep the log and the
// same facts can be sent to the store server.

export type LogLevel = 'info' | 'warn' | 'error';

export function formatLogLine(
  level: LogLevel,
  event: string,
  fields: Record<string, unknown>,
  at: Date,
): string {
  return `${JSON.stringify({ at: at.toISOString(), level, event, ...fields })}\n`;
}

/** Keeps the log from filling a small disk: rotate past this many bytes. */
export const MAX_LOG_BYTES = 5 * 1024 * 1024;
