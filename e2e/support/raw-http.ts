// An HTTP request written by hand on a socket: it can declare a body it never
// finishes sending, and it tells when the answer came and when the server
// closed the connection, which fetch cannot.
import { connect } from 'node:net';

export type RawHttpOutcome = {
  /** The status of the answer, if one came before the connection closed. */
  status: number | undefined;
  statusAfterMs: number | undefined;
  closedAfterMs: number;
  /** Body bytes the client managed to write (the kernel buffers a few MB). */
  bodyBytesWritten: number;
};

export function rawHttpRequest(options: {
  port: number;
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** The Content-Length announced, or 'chunked' to send the body in chunks without one. */
  declaredLength: number | 'chunked';
  /** How much of the body to actually send (at most). */
  sendBytes: number;
  /** The client gives up after this long. */
  giveUpMs?: number;
}): Promise<RawHttpOutcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(options.port, '127.0.0.1');
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const chunked = options.declaredLength === 'chunked';
    let written = 0;
    let status: number | undefined;
    let statusAfterMs: number | undefined;
    let response = '';
    const pump = () => {
      while (!socket.destroyed && written < options.sendBytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, options.sendBytes - written));
        written += piece.length;
        const framed = chunked
          ? Buffer.concat([
              Buffer.from(`${piece.length.toString(16)}\r\n`),
              piece,
              Buffer.from('\r\n'),
            ])
          : piece;
        if (!socket.write(framed)) return void socket.once('drain', pump);
      }
    };
    socket.on('connect', () => {
      const head = Object.entries({
        host: '127.0.0.1',
        ...(chunked
          ? { 'transfer-encoding': 'chunked' }
          : { 'content-length': String(options.declaredLength) }),
        ...options.headers,
      })
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      socket.write(`${options.method} ${options.path} HTTP/1.1\r\n${head}\r\n`);
      pump();
    });
    socket.on('data', (data: Buffer) => {
      if (status !== undefined) return;
      response += data.toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(response);
      if (match) {
        status = Number(match[1]);
        statusAfterMs = performance.now() - started;
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () =>
      resolve({
        status,
        statusAfterMs,
        closedAfterMs: performance.now() - started,
        bodyBytesWritten: written,
      }),
    );
    setTimeout(() => socket.destroy(), options.giveUpMs ?? 20_000).unref();
  });
}
