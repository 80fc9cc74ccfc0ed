// Who may publish and subscribe to what, declared once. The embedded broker
// checks every packet against it, and the Mosquitto ACL file is written from it.
import { topics, TOPIC_ROOT } from '@vitrine/shared/core';
import type { DeviceRole } from '../devices/registry';

export type Principal =
  | { kind: 'server'; storeId: string }
  | { kind: 'device'; storeId: string; deviceId: string; role: DeviceRole };

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
    ],
    publish: [topics.events(storeId, deviceId), topics.status(storeId, deviceId)],
  };
}

/** The store server's whole subtree. */
export const serverPrefix = (storeId: string) => `${TOPIC_ROOT}/stores/${storeId}/`;

export function canPublish(principal: Principal, topic: string): boolean {
  if (principal.kind === 'server') return topic.startsWith(serverPrefix(principal.storeId));
  return deviceGrants(principal.storeId, principal.deviceId).publish.includes(topic);
}

export function canSubscribe(principal: Principal, filter: string): boolean {
  if (principal.kind === 'server') return filter.startsWith(serverPrefix(principal.storeId));
  return deviceGrants(principal.storeId, principal.deviceId).subscribe.includes(filter);
}
