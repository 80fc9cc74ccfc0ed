// The store server's link to its own embedded broker, in process: it subscribes and publishes
// through aedes's API instead of an MQTT connection over loopback. Each device event used to
// be parsed by the broker, written to the server's socket, parsed again by its MQTT client (and
// each message to the screens the other way round); at twenty stores on two cores that CPU was
// the difference between a campaign reaching every screen in time or not (BENCHMARKS.md).
// An external broker (Mosquitto, EMQX) still goes through `connectBrokerLink`.
import type { Aedes, AedesPublishPacket } from 'aedes';
import type { Logger } from '@vitrine/shared/node';
import type { BrokerLink } from './broker-link';

type Deliver = (packet: AedesPublishPacket, done: () => void) => void;
/** aedes's persistence, left out of its types: the part that holds retained messages. */
type WithRetained = {
  persistence: {
    createRetainedStream: (filter: string) => AsyncIterable<{ topic: string; payload: Buffer }>;
  };
};

export function inProcessLink(aedes: Aedes, log: Logger): BrokerLink {
  const handlers: ((topic: string, payload: Buffer) => void)[] = [];
  const subscriptions = new Map<string, Deliver>();
  // Filters that overlap would hand the same packet over twice; a client gets it once.
  let lastPacket: AedesPublishPacket | undefined;
  let closed = false;

  const handOver = (topic: string, payload: Buffer | string) => {
    const bytes = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    for (const handler of handlers) {
      // A handler that throws (a write the disk refused, say) must not take the broker down.
      try {
        handler(topic, bytes);
      } catch (error) {
        log.error({ topic, err: (error as Error).message }, 'mqtt: a message failed');
      }
    }
  };
  const deliver: Deliver = (packet, done) => {
    if (packet !== lastPacket) handOver(packet.topic, packet.payload);
    lastPacket = packet;
    done();
  };
  // As a client's SUBSCRIBE would: what is retained under the filter (a screen's birth status
  // published while the server was still starting) is handed over once subscribed.
  const handOverRetained = async (filter: string) => {
    const retained = (aedes as unknown as WithRetained).persistence.createRetainedStream(filter);
    for await (const packet of retained) handOver(packet.topic, packet.payload);
  };

  return {
    publish: (topic, payload, options) => {
      if (closed) return;
      aedes.publish(
        {
          cmd: 'publish',
          topic,
          payload: Buffer.from(payload),
          qos: options?.qos ?? 1,
          retain: options?.retain ?? false,
          dup: false,
        },
        (error) => {
          if (error) log.error({ topic, err: error.message }, 'mqtt: a publish failed');
        },
      );
    },
    subscribe: async (filter) => {
      if (subscriptions.has(filter)) return;
      subscriptions.set(filter, deliver);
      await new Promise<void>((resolve) => aedes.subscribe(filter, deliver, () => resolve()));
      await handOverRetained(filter);
    },
    onMessage: (handler) => void handlers.push(handler),
    connected: () => !closed && !aedes.closed,
    close: async () => {
      closed = true;
      await Promise.all(
        [...subscriptions].map(
          ([filter, func]) =>
            new Promise<void>((resolve) => aedes.unsubscribe(filter, func, () => resolve())),
        ),
      );
      subscriptions.clear();
    },
  };
}
