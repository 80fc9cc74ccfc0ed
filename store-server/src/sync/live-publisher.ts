// Pushes committed changes to devices on the store's sync topic. Large changes
// (a bulk import) become a poke: devices pull pages instead of one huge message.
// A periodic poke bounds how long a device that lost a message stays behind.
import { PROTOCOL_VERSION, topics, type SyncMessage } from '@vitrine/shared/core';
import type { BrokerLink } from '../broker/broker-link';
import { MAX_LISTED_DOCS, type DocStore } from './doc-store';

export function startLivePublisher(options: {
  docs: DocStore;
  link: BrokerLink;
  storeId: string;
  heartbeatMs?: number;
}): () => void {
  const topic = topics.sync(options.storeId);
  const send = (message: SyncMessage) =>
    options.link.publish(topic, JSON.stringify(message), { qos: 1 });
  const unsubscribe = options.docs.onChange((change) => {
    if (change.toRev - change.fromRev > MAX_LISTED_DOCS) {
      send({ v: PROTOCOL_VERSION, type: 'poke', rev: change.toRev });
    } else {
      send({ v: PROTOCOL_VERSION, type: 'changes', ...change });
    }
  });
  const heartbeat = setInterval(
    () => send({ v: PROTOCOL_VERSION, type: 'poke', rev: options.docs.head() }),
    options.heartbeatMs ?? 30_000,
  );
  heartbeat.unref();
  return () => {
    unsubscribe();
    clearInterval(heartbeat);
  };
}
