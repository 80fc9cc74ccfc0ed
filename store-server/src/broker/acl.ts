// Who may publish and subscribe to what, declared once. The embedded broker
// checks every packet against it, and the Mosquitto ACL file is written from it.
import { topics, TOPIC_ROOT } from '@vitrine/shared/core';
import type { DeviceRole } from '../devices/registry';

export type Principal =
  | { kind: 'server'; storeId: string }
  | { kind: 'device'; storeId: string; deviceId: string; role: DeviceRole }
  /** An expert console, for the life of one signed-in session. */
  | { kind: 'expert'; storeId: string; expertId: string; sessionId: string };

/** A device's exact topics: no wildcards, nothing of another device. */
export function deviceGrants(
  storeId: string,
  deviceId: string,
): { subscribe: string[]; publish: string[] } {
  return {
    subscribe: [
      topics.sync(storeId),
      topics.acks(storeId, deviceId),
      topics.commands(storeId, deviceId),
      topics.status(storeId, deviceId),
      topics.expertAvailability(storeId),
    ],
    publish: [topics.events(storeId, deviceId), topics.status(storeId, deviceId)],
  };
}

/** An expert's own presence topic, and nothing else (no other expert's, no device's). */
export function expertGrants(
  storeId: string,
  expertId: string,
): { subscribe: string[]; publish: string[] } {
  const own = topics.expertPresence(storeId, expertId);
  return { subscribe: [own], publish: [own] };
}

function grantsOf(principal: Exclude<Principal, { kind: 'server' }>) {
  return principal.kind === 'device'
    ? deviceGrants(principal.storeId, principal.deviceId)
    : expertGrants(principal.storeId, principal.expertId);
}

/** The store server's whole subtree. */
export const serverPrefix = (storeId: string) => `${TOPIC_ROOT}/stores/${storeId}/`;

export function canPublish(principal: Principal, topic: string): boolean {
  if (principal.kind === 'server') return topic.startsWith(serverPrefix(principal.storeId));
  return grantsOf(principal).publish.includes(topic);
}

export function canSubscribe(principal: Principal, filter: string): boolean {
  if (principal.kind === 'server') return filter.startsWith(serverPrefix(principal.storeId));
  return grantsOf(principal).subscribe.includes(filter);
}
