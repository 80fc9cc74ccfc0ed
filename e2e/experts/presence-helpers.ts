// An expert console's presence, run in Node with the console's own code
// (ExpertPresenceLink) against a real store server and broker.
import {
  ExpertPresenceLink,
  storeBrokerUrl,
  type ExpertDeclaration,
  type ExpertPresenceState,
} from '@vitrine/shared/client';
import { ExpertPresenceGrant, parseUnknown } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { waitFor } from '../support/test-server';
import { call, signIn } from '../staff/staff-helpers';

export type ExpertConsole = {
  token: string;
  grant: ExpertPresenceGrant;
  link: ExpertPresenceLink;
  states: ExpertPresenceState[];
};

/** Asks the server for a presence session with this signed-in token. */
export async function presenceGrant(server: StoreServer, token: string) {
  const answer = await call(server, '/experts/me/presence-session', { token, method: 'POST' });
  const grant = parseUnknown(ExpertPresenceGrant, answer.body);
  if (!grant.ok) throw new Error(`no presence grant (${answer.status}): ${grant.error}`);
  return grant.value;
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
  const answer = await call(server, '/experts/me', { token });
  return String(answer.body.presence);
}
