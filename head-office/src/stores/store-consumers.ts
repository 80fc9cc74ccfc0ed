// A store's two durables (core/link storeConsumers), created by head office when it enrols
// and checked at each of the store's hellos: an ack wait changed in a later release reaches the
// durables of stores enrolled before it. Only the ack wait is brought in line: where a durable
// starts (moved by a fresh snapshot, catalogue/store-snapshot.ts) is left as it is. The store
// itself may only pull and acknowledge them.
import {
  JetStreamApiCodes,
  JetStreamApiError,
  jetstreamManager,
  type JetStreamManager,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { storeConsumers } from '@vitrine/shared/core';

/** Every JetStream call gets its own deadline (server 2.9: a refused call may never answer). */
const JETSTREAM_TIMEOUT_MS = 10_000;

const notFound = (error: unknown) =>
  error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound;

/** Creates the store's durables on HQ_CHAIN and HQ_STORES, or sets their ack wait as declared. */
export async function ensureStoreConsumers(
  link: NatsConnection | JetStreamManager,
  storeId: string,
): Promise<void> {
  const jsm =
    'consumers' in link ? link : await jetstreamManager(link, { timeout: JETSTREAM_TIMEOUT_MS });
  for (const { stream, config } of storeConsumers(storeId)) {
    const actual = await jsm.consumers.info(stream, config.durable_name).then(
      (info) => info.config,
      (error: unknown) => {
        if (notFound(error)) return undefined;
        throw error;
      },
    );
    if (!actual) await jsm.consumers.add(stream, config);
    else if (actual.ack_wait !== config.ack_wait)
      await jsm.consumers.update(stream, config.durable_name, {
        ...actual,
        ack_wait: config.ack_wait,
      });
  }
}
