// Who may publish and subscribe to what, declared once. The embedded broker
// checks every packet against it, and the Mosquitto ACL file is written from it.
import { topics, TOPIC_ROOT } from '@vitrine/shared/core';
import type { DeviceRole } from '../devices/registry';

export type Principal =
  | { kind: 'server'; storeId: string }
  | { kind: 'device'; storeId: string; deviceId: string; role: Exclude<DeviceRole, 'measure'> }
  /** A measuring station: its mirror is looked up at every packet, so re-pairing applies at once. */
  | {
      kind: 'device';
      storeId: string;
      deviceId: string;
      role: 'measure';
      pairedMirror: () => string | null;
    }
  /** An expert console, for the life of one signed-in session. */
  | { kind: 'expert'; storeId: string; expertId: string; sessionId: string };

/** An authenticated device's principal; a station's grant follows `mirrorOf` live. */
export function devicePrincipal(
  storeId: string,
  device: { id: string; role: DeviceRole },
  mirrorOf: (stationId: string) => string | null,
): Principal {
  if (device.role !== 'measure')
    return { kind: 'device', storeId, deviceId: device.id, role: device.role };
  return {
    kind: 'device',
    storeId,
    deviceId: device.id,
    role: 'measure',
    pairedMirror: () => mirrorOf(device.id),
  };
}

/** A device's exact topics: no wildcards, nothing of another device. */
function deviceGrants(
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

/** A people counter publishes its own counts and nothing else; it subscribes to nothing. */
function counterGrants(
  storeId: string,
  counterId: string,
): { subscribe: string[]; publish: string[] } {
  return { subscribe: [], publish: [topics.counts(storeId, counterId)] };
}

/** A device's grants by its role (a station's by its current pairing). */
export function grantsOfDevice(
  storeId: string,
  device: { id: string; role: DeviceRole },
  pairedMirror: () => string | null,
): { subscribe: string[]; publish: string[] } {
  if (device.role === 'measure') return stationGrants(storeId, pairedMirror());
  if (device.role === 'counter') return counterGrants(storeId, device.id);
  return deviceGrants(storeId, device.id);
}

/**
 * A measuring station publishes to its paired mirror's measurements topic and
 * nothing else: it subscribes to nothing (not even its own commands), and an
 * unpaired station (`mirrorId` null) may publish nowhere.
 */
export function stationGrants(
  storeId: string,
  mirrorId: string | null,
): { subscribe: string[]; publish: string[] } {
  return { subscribe: [], publish: mirrorId ? [topics.measurements(storeId, mirrorId)] : [] };
}

function grantsOf(principal: Exclude<Principal, { kind: 'server' }>) {
  if (principal.kind === 'expert') return expertGrants(principal.storeId, principal.expertId);
  return grantsOfDevice(
    principal.storeId,
    { id: principal.deviceId, role: principal.role },
    principal.role === 'measure' ? principal.pairedMirror : () => null,
  );
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
