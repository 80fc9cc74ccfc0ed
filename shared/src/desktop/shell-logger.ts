// Appends JSON lines to <userData>/logs/shell.log (rotated once past 5 MB)
// and mirrors them on stderr for journald.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatLogLine, MAX_LOG_BYTES, type LogLevel } from './shell-log';

export type ShellLog = (level: LogLevel, event: string, fields?: Record<string, unknown>) => void;

export function createShellLog(userDataDir: string): ShellLog {
  const dir = join(userDataDir, 'logs');
  const file = join(dir, 'shell.log');
  mkdirSync(dir, { recursive: true });
  return (level, event, fields = {}) => {
    const line = formatLogLine(level, event, fields, new Date());
    process.stderr.write(line);
    try {
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > MAX_LOG_BYTES)
        renameSync(file, `${file}.1`);
      appendFileSync(file, line, { mode: 0o600 });
    } catch {
      // A full or read-only disk must not take the shell down; stderr still has it.
    }
  };
}
