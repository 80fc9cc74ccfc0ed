// TLS handlers (routes: shared/src/core/http/routes/tls.ts). A server run on
// plain HTTP (tests, a store behind its own proxy) answers 404 to them all.
import type { tlsRoutes } from '@vitrine/shared/core';
import { HttpError, type Logger } from '@vitrine/shared/node';
import type { Handlers } from '../http/register-routes';
import { RotationError, type StoreTls } from './store-tls';

export function tlsHandlers(options: {
  tls: StoreTls | undefined;
  log: Logger;
}): Handlers<typeof tlsRoutes> {
  const { log } = options;
  const storeTls = (): StoreTls => {
    if (!options.tls) throw new HttpError(404, 'not_found', 'this store server runs without TLS');
    return options.tls;
  };
  return {
    trust: () => storeTls().trustBundle(),
    // For a staff tablet or a browser to install: compare the fingerprint the OS shows.
    caCertificate: ({ res }) => {
      const pem = storeTls().caCertificatePem();
      res.type('application/x-x509-ca-cert').send(pem);
    },
    status: () => storeTls().status(),
    rotate: async ({ body }) => {
      const tls = storeTls();
      try {
        await tls.rotate(body.step);
      } catch (error) {
        if (error instanceof RotationError)
          throw new HttpError(409, 'rotation_step', error.message);
        throw error;
      }
      log.warn({ step: body.step, ...tls.status() }, 'tls: CA rotation step done');
      return tls.status();
    },
  };
}
