// Ends a connection after its response without reading the rest of the
// request's body, yet so that the client can still read the answer.
import type { Response } from 'express';

/** How long a refused connection lingers, discarding what still arrives, before it is closed. */
const LINGER_MS = 1_000;

/**
 * Ends the connection after this response instead of draining an unread body.
 * Closed at once, a socket with unread bytes answers with a TCP reset that can
 * wipe the response before the client reads it, so it first lingers a moment
 * half-closed (as Apache's lingering close does).
 */
export function closeAfterResponse(res: Response): void {
  if (res.getHeader('connection') === 'close') return;
  res.set('connection', 'close');
  const socket = res.req.socket;
  // Runs after Node's own finish handler, which has just asked for socket.destroySoon().
  res.once('finish', () => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the very function destroySoon() registered
    socket.removeListener('finish', socket.destroy);
    const linger = setTimeout(() => socket.destroy(), LINGER_MS);
    linger.unref();
    socket.once('close', () => clearTimeout(linger));
  });
}
