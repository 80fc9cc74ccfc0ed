// A store's two durables (core/link storeConsumers), created by head office when it enrols:
// the store itself may only pull and acknowledge them.
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { storeConsumers } from '@vitrine/shared/core';

/** Every JetStream call gets its own deadline (server 2.9: a refused call may never answer). */
const JETSTREAM_TIMEOUT_MS = 10_000;

/** Creates (or leaves as they are) the store's durables on HQ_CHAIN and HQ_STORES. */
export async function ensureStoreConsumers(nats: NatsConnection, storeId: string): Promise<void> {
  const jsm = await jetstreamManager(nats, { timeout: JETSTREAM_TIMEOUT_MS });
  for (const { stream, config } of storeConsumers(storeId)) {
    await jsm.consumers.add(stream, config);
  }
}
