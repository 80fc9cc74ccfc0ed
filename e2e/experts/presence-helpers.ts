// An expert console's presence, run in Node with the console's own code
// (ExpertPresenceLink) against a real store server and broker.
import {
  ExpertPresenceLink,
  storeBrokerUrl,
  type ExpertDeclaration,
  type ExpertPresenceState,
} from '@vitrine/shared/client';
import { apiClient, apiRoutes, type ExpertPresenceGrant } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { waitFor } from '../support/test-server';
import { signIn } from '../staff/staff-helpers';

export type ExpertConsole = {
  token: string;
  grant: ExpertPresenceGrant;
  link: ExpertPresenceLink;
  states: ExpertPresenceState[];
};

/** The typed client of the store server's API as this signed-in user. */
export const expertClient = (server: Pick<StoreServer, 'url'>, token: string) =>
  apiClient(apiRoutes, { baseUrl: server.url, authorization: () => `Bearer ${token}` });

/** Asks the server for a presence session with this signed-in token. */
export function presenceGrant(server: StoreServer, token: string): Promise<ExpertPresenceGrant> {
  return expertClient(server, token).experts.presenceSession();
}

/** Signs in (or reuses `token`), connects and waits until the broker accepted the console. */
export async function expertConsole(
  server: StoreServer,
  expertId: string,
  declaration: ExpertDeclaration,
  options: { token?: string; url?: string; keepalive?: number } = {},
): Promise<ExpertConsole> {
  const token = options.token ?? (await signIn(server, expertId));
  const grant = await presenceGrant(server, token);
  const link = new ExpertPresenceLink({
    url: options.url ?? grant.url ?? storeBrokerUrl(server.url),
    grant,
    password: token,
    declaration,
    keepalive: options.keepalive,
  });
  const states: ExpertPresenceState[] = [];
  link.onState((state) => states.push(state));
  link.start();
  await waitFor(() => link.state === 'online' || link.state === 'refused', 'the broker answer');
  return { token, grant, link, states };
}

/** The store's view of an expert, as their console reads it. */
export async function presenceOf(server: StoreServer, token: string): Promise<string> {
  return (await expertClient(server, token).experts.me()).presence;
}
