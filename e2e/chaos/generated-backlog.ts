// A generated backlog: what a store's screens recorded over a long time (an hour, a day), sent
// through the store's real ingestion path in a few seconds: an enrolled screen's credential,
// MQTT over WebSocket, EventBatch messages of the protocol's largest size, each kept until the
// store acknowledges it (the outbox rule: PUBACK is not an application ack). Every event has
// its real `at` and a UUIDv7 of that time, so head office partitions it by when it happened.
import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import {
  EventAck,
  MAX_EVENTS_PER_BATCH,
  parseJson,
  PROTOCOL_VERSION,
  topics,
  type DeviceCredential,
  type DeviceEvent,
} from '@vitrine/shared/core';
import type { ChaosStore } from './chaos-store';
import { playIdOf, type Ledger } from './event-flow';

const IN_FLIGHT = 8;
const RESEND_AFTER_MS = 15_000;

/** A UUIDv7 of `time`, as devices make them. */
function uuidV7(time: number): string {
  const hex = time.toString(16).padStart(12, '0') + randomBytes(10).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Per generator credential: its next seq, so seqs never repeat across cases. */
const nextSeq = new Map<string, number>();

function makeEvents(
  ledger: Ledger,
  source: string,
  credential: DeviceCredential,
  count: number,
  spanMs: number,
): DeviceEvent[] {
  const end = Date.now();
  let seq = nextSeq.get(credential.deviceId) ?? 1;
  const events: DeviceEvent[] = [];
  for (let i = 0; i < count; i++) {
    const time = end - spanMs + Math.floor((i * spanMs) / count);
    events.push({
      id: uuidV7(time),
      seq: seq++,
      at: new Date(time).toISOString(),
      kind: 'proof-of-play',
      payload: {
        campaignId: 'chaos',
        itemId: 'backlog',
        playId: playIdOf(ledger.caseName, source, i + 1),
        phase: 'start',
      },
    });
  }
  nextSeq.set(credential.deviceId, seq);
  return events;
}

/**
 * Sends `count` events spread over the last `spanMs` to `store`; resolves once the store has
 * acknowledged every one of them (and adds them to the ledger as they are acknowledged).
 */
export async function sendGeneratedBacklog(
  store: ChaosStore,
  ledger: Ledger,
  source: string,
  count: number,
  spanMs: number,
): Promise<void> {
  const credential = store.generator;
  const events = makeEvents(ledger, source, credential, count, spanMs);
  const batches: DeviceEvent[][] = [];
  for (let i = 0; i < events.length; i += MAX_EVENTS_PER_BATCH)
    batches.push(events.slice(i, i + MAX_EVENTS_PER_BATCH));
  const playIdById = new Map(events.map((event) => [event.id, event.payload]));
  const owed = new Map<number, { ids: Set<string>; sentAt: number }>();
  const client = await mqtt.connectAsync(`${store.url.replace(/^http/, 'ws')}/mqtt`, {
    clientId: credential.deviceId,
    username: credential.deviceId,
    password: credential.secret,
    protocolVersion: 4,
    clean: true,
    connectTimeout: 10_000,
  });
  try {
    const eventsTopic = topics.events(store.id, credential.deviceId);
    let waiting: (() => void) | undefined;
    client.on('message', (_topic, payload) => {
      const ack = parseJson(EventAck, payload.toString('utf8'));
      if (!ack.ok) return;
      for (const id of ack.value.ids) {
        const payloadOf = playIdById.get(id);
        if (payloadOf && 'playId' in payloadOf) ledger.playIds.add(payloadOf.playId);
        for (const [index, batch] of owed) {
          batch.ids.delete(id);
          if (batch.ids.size === 0) owed.delete(index);
        }
      }
      waiting?.();
    });
    await client.subscribeAsync(topics.acks(store.id, credential.deviceId), { qos: 1 });
    const send = (index: number) => {
      owed.set(index, { ids: new Set(batches[index]!.map((e) => e.id)), sentAt: Date.now() });
      const message = { v: PROTOCOL_VERSION, type: 'events', events: batches[index] };
      client.publish(eventsTopic, JSON.stringify(message), { qos: 1 });
    };
    let next = 0;
    const deadline = Date.now() + 10 * 60_000;
    while (next < batches.length || owed.size > 0) {
      while (next < batches.length && owed.size < IN_FLIGHT) send(next++);
      await new Promise<void>((resolve) => {
        waiting = resolve;
        setTimeout(resolve, 1_000);
      });
      for (const [index, batch] of owed)
        if (Date.now() - batch.sentAt > RESEND_AFTER_MS) send(index);
      if (Date.now() > deadline)
        throw new Error(`${store.id}: ${owed.size} batches not acknowledged after 10 min`);
    }
  } finally {
    await client.endAsync(true).catch(() => undefined);
  }
}
