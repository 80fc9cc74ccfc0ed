// Event ingestion, exactly once: devices publish event batches over MQTT as
// their outboxes do; the clock stops when every event is committed and
// acknowledged. A share of the batches is resent to keep deduplication honest.
import mqtt from 'mqtt';
import { v7 as uuidv7 } from 'uuid';
import { PROTOCOL_VERSION, topics, type DeviceEvent } from '@vitrine/shared/core';
import { provisionDevice } from '../support/node-device';
import { startTestServer, waitFor } from '../support/test-server';
import { round, type BenchResult } from './stats';

export async function benchIngestion(
  devices = 20,
  eventsPerDevice = 5_000,
  batchSize = 200,
): Promise<BenchResult[]> {
  const server = await startTestServer({ demoScale: 50 });
  const clients: mqtt.MqttClient[] = [];
  try {
    const storeId = server.config.storeId;
    let acked = 0;
    const batches: { client: mqtt.MqttClient; topic: string; payload: string }[] = [];
    for (let d = 0; d < devices; d++) {
      const credential = provisionDevice(server, 'signage');
      const client = mqtt.connect(`mqtt://127.0.0.1:${server.mqttPort}`, {
        clientId: credential.deviceId,
        username: credential.deviceId,
        password: credential.secret,
      });
      await new Promise((resolve) => client.once('connect', resolve));
      await client.subscribeAsync(topics.acks(storeId, credential.deviceId), { qos: 1 });
      client.on('message', (_topic, payload) => {
        acked += (JSON.parse(payload.toString()) as { ids: string[] }).ids.length;
      });
      clients.push(client);
      for (let start = 0; start < eventsPerDevice; start += batchSize) {
        const events: DeviceEvent[] = Array.from({ length: batchSize }, (_, i) => ({
          id: uuidv7(),
          seq: start + i + 1,
          at: new Date().toISOString(),
          kind: 'proof-of-play',
          payload: { campaignId: 'c1', itemId: 'i1', playId: `p${start + i}`, phase: 'start' },
        }));
        batches.push({
          client,
          topic: topics.events(storeId, credential.deviceId),
          payload: JSON.stringify({ v: PROTOCOL_VERSION, type: 'events', events }),
        });
      }
    }
    const total = devices * eventsPerDevice;
    const resends = batches.filter((_, i) => i % 10 === 0); // 10 % duplicates
    const start = performance.now();
    for (const batch of [...batches, ...resends])
      batch.client.publish(batch.topic, batch.payload, { qos: 1 });
    await waitFor(() => acked >= total + resends.length * batchSize, 'all acknowledged', 120_000);
    const seconds = (performance.now() - start) / 1000;
    const stored = server.ingestor.count();
    const rate = total / seconds;
    return [
      {
        name: 'event ingestion, exactly once',
        metric: 'throughput',
        value: Math.round(rate),
        unit: 'events/s',
        target: '≥ 5,000 events/s',
        pass: rate >= 5_000 && stored === total,
        detail: {
          events: total,
          duplicatesSent: resends.length * batchSize,
          stored,
          seconds: round(seconds, 2),
        },
      },
    ];
  } finally {
    await Promise.all(clients.map((client) => client.endAsync()));
    await server.close();
  }
}
