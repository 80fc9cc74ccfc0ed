// The store server's MQTT connection to an external broker (Mosquitto, EMQX…), and the
// `BrokerLink` contract every part of the server talks through. With the embedded broker the
// same contract is met in process (in-process-link.ts), without a connection of its own.
import mqtt, { type MqttClient } from 'mqtt';
import { backOffReconnects } from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';

type MessageHandler = (topic: string, payload: Buffer) => void;

export type BrokerLink = {
  publish: (topic: string, payload: string, options?: { retain?: boolean; qos?: 0 | 1 }) => void;
  subscribe: (filter: string) => Promise<void>;
  onMessage: (handler: MessageHandler) => void;
  connected: () => boolean;
  close: () => Promise<void>;
};

export async function connectBrokerLink(options: {
  url: string;
  username?: string;
  password?: string;
  clientId: string;
  /** For mqtts://: the CAs to trust, read again at each reconnect (they change in a CA rotation). */
  trustedCas?: () => string[];
  log: Logger;
}): Promise<BrokerLink> {
  const client: MqttClient = mqtt.connect(options.url, {
    clientId: options.clientId,
    username: options.username,
    password: options.password,
    protocolVersion: 4,
    clean: false, // the broker keeps our QoS 1 events while we restart
    connectTimeout: 5_000,
    ...(options.trustedCas ? { ca: options.trustedCas() } : {}),
  });
  // Soon after a broker restart, and less often while it stays away.
  backOffReconnects(client, { firstMs: 500, maxMs: 10_000, floorMs: 100 });
  const trustedCas = options.trustedCas;
  if (trustedCas) client.on('reconnect', () => (client.options.ca = trustedCas()));
  const filters = new Set<string>();
  client.on('connect', () => {
    options.log.info({ url: redact(options.url) }, 'mqtt: store server connected to broker');
    for (const filter of filters) client.subscribe(filter, { qos: 1 });
  });
  client.on('offline', () => options.log.warn('mqtt: store server lost the broker'));
  client.on('error', (error) =>
    options.log.error({ err: error.message }, 'mqtt: broker link error'),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`cannot reach broker at ${redact(options.url)}`)),
      10_000,
    );
    client.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
  });

  return {
    publish: (topic, payload, publishOptions) =>
      client.publish(topic, payload, {
        qos: publishOptions?.qos ?? 1,
        retain: publishOptions?.retain ?? false,
      }),
    subscribe: async (filter) => {
      filters.add(filter);
      const granted = await client.subscribeAsync(filter, { qos: 1 });
      if (granted.some((grant) => grant.qos === 128))
        throw new Error(`broker refused subscription to ${filter}`);
    },
    // A handler that throws (a write the disk refused, say) must not take the server down.
    onMessage: (handler) =>
      client.on('message', (topic, payload) => {
        try {
          handler(topic, payload);
        } catch (error) {
          options.log.error({ topic, err: (error as Error).message }, 'mqtt: a message failed');
        }
      }),
    connected: () => client.connected,
    close: async () => {
      await client.endAsync();
    },
  };
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(invalid url)';
  }
}
