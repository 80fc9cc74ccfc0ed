// Routes device messages the store server receives to their handler, after
// checking the topic names an active device of this store (defence in depth
// when an external broker's ACLs are looser than ours).
import { PROTOCOL_VERSION, parseDeviceTopic, topics } from '@vitrine/shared/core';
import type { BrokerLink } from './broker/broker-link';
import type { PresenceTracker } from './devices/presence';
import type { DeviceRegistry } from './devices/registry';
import type { EventIngestor } from './events/event-ingestor';
import type { Logger } from '@vitrine/shared/node';

export async function routeDeviceMessages(options: {
  link: BrokerLink;
  storeId: string;
  registry: DeviceRegistry;
  ingestor: EventIngestor;
  presence: PresenceTracker;
  /** A people counter's counts in the generic shape (insights). */
  counts: (counterId: string, payload: Buffer) => void;
  log: Logger;
}): Promise<void> {
  const { link, storeId, registry, ingestor, presence, log } = options;
  link.onMessage((topic, payload) => {
    const parsed = parseDeviceTopic(topic);
    if (!parsed || parsed.storeId !== storeId) return;
    const device = registry.get(parsed.deviceId);
    if (!device || device.status !== 'active') {
      log.warn({ topic }, 'mqtt: ignored a message from an unknown or inactive device');
      return;
    }
    if (parsed.kind === 'events') ingestor.accept(parsed.deviceId, payload);
    else if (parsed.kind === 'status') presence.accept(parsed.deviceId, payload);
    else if (parsed.kind === 'counts' && device.role === 'counter')
      options.counts(parsed.deviceId, payload);
  });
  await link.subscribe(topics.allEvents(storeId));
  await link.subscribe(topics.allStatus(storeId));
  await link.subscribe(topics.allCounts(storeId));
}

export function ackSender(link: BrokerLink, storeId: string) {
  return (deviceId: string, ack: { ids: string[]; rejected: { id: string; reason: string }[] }) =>
    link.publish(
      topics.acks(storeId, deviceId),
      JSON.stringify({ v: PROTOCOL_VERSION, type: 'ack', ...ack }),
      {
        qos: 1,
      },
    );
}
