// Expert handlers (routes: shared/src/core/http/routes/experts.ts): profile,
// the broker login for presence, the live call feed, taking a call,
// signalling, pushing product cards.
import { PROTOCOL_VERSION, type expertRoutes } from '@vitrine/shared/core';
import type { CallService } from '../calls/call-service';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import { openSse } from '../calls/sse-stream';
import type { Db } from '../db/database';
import type { Handlers } from '../http/register-routes';
import { productSearch } from '../staff/product-search';
import { bearerToken } from '../staff/staff-auth';
import type { ExpertDirectory } from './expert-directory';
import type { ExpertSessions } from './expert-sessions';

export function expertHandlers(options: {
  directory: ExpertDirectory;
  calls: CallService;
  sessions: ExpertSessions;
  /** Where browsers reach the broker when it is not this server's `/mqtt`. */
  brokerUrl: string | undefined;
  db: Db;
  catalogue: CatalogueStore;
}): Handlers<typeof expertRoutes> {
  const { directory, calls, sessions } = options;
  const search = productSearch(options.db, options.catalogue);
  return {
    me: ({ caller }) => directory.profile(caller.id, caller.name),
    presenceSession: ({ caller, req }) => ({
      v: PROTOCOL_VERSION,
      url: options.brokerUrl ?? null,
      ...sessions.issue(caller, bearerToken(req) ?? ''),
      skills: directory.profile(caller.id, caller.name).skills,
    }),
    // Rings, signals and hang-ups (presence is the broker's, not this feed's).
    stream: ({ caller, req, res }) => {
      let detach = () => {};
      const stream = openSse(req, res, () => {
        detach();
        stopProfile();
      });
      detach = calls.attachExpert(caller.id, (event) => stream.send('message', event));
      const sendProfile = () =>
        stream.send('message', {
          v: PROTOCOL_VERSION,
          type: 'profile',
          profile: directory.profile(caller.id, caller.name),
        });
      const stopProfile = directory.onChange(sendProfile);
      sendProfile();
    },
    accept: ({ caller, params }) => calls.accept(caller.id, params.id),
    decline: ({ caller, params }) => calls.decline(caller.id, params.id),
    signal: ({ caller, params, body }) => calls.signal({ expertId: caller.id }, params.id, body),
    end: ({ caller, params }) => calls.end({ expertId: caller.id }, params.id, 'expert-ended'),
    products: ({ query }) => ({
      products: search(query.q, 10).map((product) => ({
        id: product.id,
        name: product.name.fr,
        brand: product.brand,
      })),
    }),
  };
}
