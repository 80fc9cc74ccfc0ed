// One status line on stderr, rewritten in place on a terminal (a bar and a
// percentage), printed every few seconds otherwise (a log, a CI job). Ten
// lines of our own rather than a dependency: the CLI draws one bar.
const WIDTH = 30;
const LOG_EVERY_MS = 5_000;

export function statusLine(stream: NodeJS.WriteStream = process.stderr) {
  let loggedAt = 0;
  let last = '';
  let logged = '';
  return {
    show(label: string, done: number, total: number | undefined, detail = ''): void {
      const fraction = total ? Math.min(1, done / total) : undefined;
      const bar =
        fraction === undefined
          ? ''
          : `[${'#'.repeat(Math.round(fraction * WIDTH)).padEnd(WIDTH, '.')}] ${Math.floor(fraction * 100)} % `;
      const line = `${label} ${bar}${detail}`;
      if (stream.isTTY) {
        stream.write(`\r\x1b[2K${line}`);
      } else if (line !== last && Date.now() - loggedAt >= LOG_EVERY_MS) {
        stream.write(`${line}\n`);
        loggedAt = Date.now();
        logged = line;
      }
      last = line;
    },
    /** Ends the line (a new phase or the result follows). */
    end(): void {
      if (stream.isTTY && last) stream.write('\n');
      else if (last && last !== logged) stream.write(`${last}\n`);
      last = '';
      logged = '';
      loggedAt = 0;
    },
  };
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
