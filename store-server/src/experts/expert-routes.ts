// Expert console API: profile, the broker login for presence (skills and
// availability travel over MQTT), the live call feed, taking a call,
// signalling, pushing product cards.
import { Router } from 'express';
import { z } from 'zod';
import {
  CallSignal,
  parseUnknown,
  PROTOCOL_VERSION,
  type ExpertPresenceGrant,
} from '@vitrine/shared/core';
import type { CallService } from '../calls/call-service';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import { openSse } from '../calls/sse-stream';
import type { Db } from '../db/database';
import { parseOr400 } from '../http/http-error';
import { productSearch } from '../staff/product-search';
import { bearerToken, requireRole, type StaffAuth } from '../staff/staff-auth';
import type { ExpertDirectory } from './expert-directory';
import type { ExpertSessions } from './expert-sessions';

export function expertRoutes(options: {
  auth: StaffAuth;
  directory: ExpertDirectory;
  calls: CallService;
  sessions: ExpertSessions;
  /** Where browsers reach the broker when it is not this server's `/mqtt`. */
  brokerUrl: string | undefined;
  db: Db;
  catalogue: CatalogueStore;
}): Router {
  const { auth, directory, calls, sessions, db } = options;
  const router = Router();
  const search = productSearch(db, options.catalogue);

  router.get('/experts/me', (req, res) => {
    const user = requireRole(req, auth, 'expert');
    res.json(directory.profile(user.id, user.name));
  });

  // A new presence session for this console: MQTT user, topic, session number.
  router.post('/experts/me/presence-session', (req, res) => {
    const user = requireRole(req, auth, 'expert');
    const login = sessions.issue(user, bearerToken(req) ?? '');
    const grant: ExpertPresenceGrant = {
      v: PROTOCOL_VERSION,
      url: options.brokerUrl ?? null,
      ...login,
      skills: directory.profile(user.id, user.name).skills,
    };
    res.json(grant);
  });

  // Rings, signals and hang-ups (presence is the broker's, not this feed's).
  router.get('/experts/me/stream', (req, res) => {
    const user = requireRole(req, auth, 'expert');
    let detach = () => {};
    const stream = openSse(req, res, () => {
      detach();
      stopProfile();
    });
    detach = calls.attachExpert(user.id, (event) => stream.send('message', event));
    const sendProfile = () =>
      stream.send('message', {
        v: PROTOCOL_VERSION,
        type: 'profile',
        profile: directory.profile(user.id, user.name),
      });
    const stopProfile = directory.onChange(sendProfile);
    sendProfile();
  });

  router.post('/experts/calls/:id/accept', (req, res) => {
    const user = requireRole(req, auth, 'expert');
    res.json(calls.accept(user.id, req.params.id));
  });

  router.post('/experts/calls/:id/decline', (req, res) => {
    const user = requireRole(req, auth, 'expert');
    calls.decline(user.id, req.params.id);
    res.status(204).end();
  });

  router.post('/experts/calls/:id/signal', (req, res) => {
    const user = requireRole(req, auth, 'expert');
    calls.signal(
      { expertId: user.id },
      req.params.id,
      parseOr400(parseUnknown(CallSignal, req.body)),
    );
    res.status(204).end();
  });

  router.post('/experts/calls/:id/end', (req, res) => {
    const user = requireRole(req, auth, 'expert');
    calls.end({ expertId: user.id }, req.params.id, 'expert-ended');
    res.status(204).end();
  });

  router.get('/experts/products', (req, res) => {
    requireRole(req, auth, 'expert');
    const { q } = parseOr400(
      parseUnknown(z.object({ q: z.string().trim().min(2).max(80) }), req.query),
    );
    res.json({
      products: search(q, 10).map((product) => ({
        id: product.id,
        name: product.name.fr,
        brand: product.brand,
      })),
    });
  });
  return router;
}
