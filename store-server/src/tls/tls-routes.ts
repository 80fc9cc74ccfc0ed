// TLS over HTTP: the trust bundle (public: a CA certificate is no secret),
// the certificates' state for IT, and the CA rotation steps (admin token).
import { Router } from 'express';
import { z } from 'zod';
import { parseUnknown } from '@vitrine/shared/core';
import { requireAdmin } from '../http/auth';
import { HttpError, parseOr400 } from '../http/http-error';
import type { Logger } from '../log';
import { RotationError, type StoreTls } from './store-tls';

const RotationRequest = z.object({ step: z.enum(['begin', 'switch', 'finish']) });

export function tlsRoutes(options: { tls: StoreTls; adminToken: string; log: Logger }): Router {
  const { tls, adminToken, log } = options;
  const router = Router();
  router.get('/tls/trust', (_req, res) => {
    res.json(tls.trustBundle());
  });
  // For a staff tablet or a browser to install: compare the fingerprint the OS shows.
  router.get('/tls/ca.crt', (_req, res) => {
    res.type('application/x-x509-ca-cert').send(tls.caCertificatePem());
  });
  router.get('/tls/status', (req, res) => {
    requireAdmin(req, adminToken);
    res.json(tls.status());
  });
  router.post('/tls/ca-rotation', async (req, res) => {
    requireAdmin(req, adminToken);
    const { step } = parseOr400(parseUnknown(RotationRequest, req.body));
    try {
      await tls.rotate(step);
    } catch (error) {
      if (error instanceof RotationError) throw new HttpError(409, 'rotation_step', error.message);
      throw error;
    }
    log.warn({ step, ...tls.status() }, 'tls: CA rotation step done');
    res.json(tls.status());
  });
  return router;
}
