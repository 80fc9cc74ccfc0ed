// The metrics route (metrics.scrape) on a real store server: a scraper's token is checked, the
// text parses as Prometheus exposition, and the counters move after real HTTP
// requests and real device events over MQTT.
import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_PREFIX,
  ApiCallError,
  apiClient,
  apiRoutes,
  topics,
  type RouteDef,
} from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { provisionDevice } from '../support/node-device';
import { startPrometheus } from '../support/prometheus';
import { startTestServer, waitFor } from '../support/test-server';

const METRICS_TOKEN = randomBytes(24).toString('hex');
let server: StoreServer;
beforeAll(async () => {
  server = await startTestServer({ metricsToken: METRICS_TOKEN });
});
afterAll(async () => {
  await server.close();
});

type Sample = { name: string; labels: Record<string, string>; value: number };

/** The exposition format's sample lines: `name{label="value",…} number`. */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g))
      labels[key!] = value!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

const client = (token?: string) =>
  apiClient(apiRoutes, {
    baseUrl: server.url,
    authorization: () => (token ? `Bearer ${token}` : undefined),
  });

async function scrape(): Promise<Sample[]> {
  const response = await client(METRICS_TOKEN).metrics.scrape();
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await response.text());
}

/** The value of one series, 0 when it is absent. */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.find(
    (sample) =>
      sample.name === name &&
      Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
  return found?.value ?? 0;
}

describe('metrics', () => {
  it('is scraped by a real Prometheus with the read-only token', async () => {
    const prometheus = await startPrometheus({
      hostPort: new URL(server.url).host,
      metricsPath: `${API_PREFIX}${apiRoutes.metrics.scrape.path}`,
      token: METRICS_TOKEN,
    });
    try {
      // `up` is 1 only after a scrape that answered 200 and parsed as exposition text.
      const up = async () => (await prometheus.query('up{job="vitrine-store"}'))[0]?.value[1];
      await waitFor(async () => (await up()) === '1', 'the store server scraped', 30_000);
      const head = await prometheus.query('vitrine_sync_head_revision');
      expect(Number(head[0]?.value[1])).toBe(server.docs.head());
    } finally {
      await prometheus.close();
    }
  }, 60_000);

  it('asks for the metrics token or the admin token', async () => {
    await expect(client().metrics.scrape()).rejects.toMatchObject({ status: 401 });
    await expect(client('x'.repeat(48)).metrics.scrape()).rejects.toBeInstanceOf(ApiCallError);
    expect((await client(server.adminToken).metrics.scrape()).status).toBe(200);
    expect((await client(METRICS_TOKEN).metrics.scrape()).status).toBe(200);
  });

  it('exposes process metrics and the store state health knows', async () => {
    const samples = await scrape();
    expect(valueOf(samples, 'vitrine_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(samples.some((sample) => sample.name === 'vitrine_nodejs_eventloop_lag_seconds')).toBe(
      true,
    );
    expect(valueOf(samples, 'vitrine_sync_head_revision')).toBe(server.docs.head());
    expect(valueOf(samples, 'vitrine_storage_writable')).toBe(1);
    expect(valueOf(samples, 'vitrine_mqtt_broker_link_up')).toBe(1);
    expect(samples.some((sample) => sample.name === 'vitrine_storage_fault')).toBe(false);
  });

  it('counts HTTP requests by route pattern and status, never by raw path', async () => {
    // The label is the route's pattern under the API prefix, as the table declares it.
    const pattern = (definition: RouteDef) => `${API_PREFIX}${definition.path}`;
    const time = { route: pattern(apiRoutes.fleet.time), status: '200', method: 'GET' };
    const count = 'vitrine_http_request_duration_seconds_count';
    const before = valueOf(await scrape(), count, time);
    for (let i = 0; i < 3; i++) await client().fleet.time();
    const secretId = `screen-${randomBytes(6).toString('hex')}`;
    await expect(
      client(server.adminToken).fleet.screenshot({ params: { id: secretId } }),
    ).rejects.toMatchObject({ status: 404 });

    const samples = await scrape();
    expect(valueOf(samples, count, time)).toBe(before + 3);
    expect(
      valueOf(samples, 'vitrine_http_request_duration_seconds_bucket', { ...time, le: '+Inf' }),
    ).toBe(before + 3);
    const screenshot = { route: pattern(apiRoutes.fleet.screenshot), status: '404' };
    expect(screenshot.route).toContain(':id');
    expect(valueOf(samples, count, screenshot)).toBe(1);
    const labelValues = samples.flatMap((sample) => Object.values(sample.labels));
    expect(labelValues.some((value) => value.includes(secretId))).toBe(false);
  });

  it('counts device events accepted, duplicate and dead-lettered, and the connected client', async () => {
    const device = provisionDevice(server);
    const before = await scrape();
    const outcome = (samples: Sample[], name: string) =>
      valueOf(samples, 'vitrine_events_total', { outcome: name }) -
      valueOf(before, 'vitrine_events_total', { outcome: name });

    const link = mqtt.connect(`mqtt://127.0.0.1:${server.mqttPort}`, {
      clientId: device.deviceId,
      username: device.deviceId,
      password: device.secret,
      reconnectPeriod: 0,
    });
    await new Promise((resolve, reject) => {
      link.once('connect', resolve);
      link.once('error', reject);
    });
    const event = {
      id: `0190a6f0-0000-7000-8000-${randomBytes(6).toString('hex')}`,
      seq: 1,
      at: new Date().toISOString(),
      kind: 'interaction',
      payload: { action: 'scan' },
    };
    const batch = (events: unknown[]) => JSON.stringify({ v: 1, type: 'events', events });
    const events = topics.events(server.config.storeId, device.deviceId);
    await link.publishAsync(events, batch([event]), { qos: 1 });
    await waitFor(async () => outcome(await scrape(), 'accepted') === 1, 'the accepted event');
    await link.publishAsync(events, batch([event, { ...event, id: 'not-a-uuid', seq: 2 }]), {
      qos: 1,
    });
    const after = await waitFor(async () => {
      const samples = await scrape();
      return outcome(samples, 'duplicate') === 1 && outcome(samples, 'dead_lettered') === 1
        ? samples
        : undefined;
    }, 'the duplicate and the dead letter');

    expect(outcome(after, 'accepted')).toBe(1);
    expect(valueOf(after, 'vitrine_dead_letters')).toBe(
      valueOf(before, 'vitrine_dead_letters') + 1,
    );
    expect(valueOf(after, 'vitrine_mqtt_connected_clients')).toBeGreaterThanOrEqual(1);
    await link.endAsync();
  });
});
