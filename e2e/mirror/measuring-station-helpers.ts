// Helpers for the measuring-station tests: a station enrolled and approved the
// way staff do it, its MQTT connection, a mirror's live measurement feed (the
// SSE stream the mirror reads) and measurement messages.
import mqtt from 'mqtt';
import {
  apiClient,
  apiRoutes,
  MeasurementsMessage,
  parseJson,
  routeUrl,
  SseParser,
  type DeviceCredential,
} from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { signIn as staffToken } from '../staff/staff-helpers';

/** The typed client of the server's API as one caller (an Authorization header value, or nobody). */
export const apiAs = (server: Pick<StoreServer, 'url'>, authorization?: string) =>
  apiClient(apiRoutes, { baseUrl: server.url, authorization: () => authorization });

/** A demo user's staff session, as an Authorization header value. */
export async function signIn(server: StoreServer, userId: string): Promise<string> {
  return `Bearer ${await staffToken(server, userId)}`;
}

/** Enrols a station over HTTP and approves its pairing code as staff. */
export async function enrolStation(
  server: StoreServer,
  staff: string,
  name = 'Scanner 3D',
): Promise<DeviceCredential> {
  const enrolled = await apiAs(server).devices.enrol({ body: { role: 'measure', name } });
  await apiAs(server, staff).stock.approveDevice({ body: { pairingCode: enrolled.pairingCode } });
  return { deviceId: enrolled.deviceId, secret: enrolled.secret };
}

export async function pairStation(
  server: StoreServer,
  authorization: string,
  stationId: string,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  // Raw, not the typed client: the tests send bodies the table refuses, to see the 400.
  const url = routeUrl(server.url, apiRoutes.sizing.pairStation, { params: { stationId } });
  const response = await fetch(url, {
    method: 'PUT',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

export function measurements(source: string, chest = 96): string {
  return JSON.stringify({
    v: 1,
    type: 'measurements',
    source,
    at: new Date().toISOString(),
    measurements: { chest, waist: 80 },
  });
}

export type StationLink = { client: mqtt.MqttClient; closed: Promise<void> };

/** Connects as the station (client id = device id); `closed` settles when the broker drops it. */
export async function connectStation(
  url: string,
  credential: DeviceCredential,
): Promise<StationLink> {
  const client = await mqtt.connectAsync(url, {
    clientId: credential.deviceId,
    username: credential.deviceId,
    password: credential.secret,
    reconnectPeriod: 0,
  });
  const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
  return { client, closed };
}

/** Publishes without waiting for a PUBACK that a refusing broker never sends. */
export function publishQos1(client: mqtt.MqttClient, topic: string, payload: string): void {
  client.publish(topic, payload, { qos: 1 }, () => {});
}

export type MeasurementFeed = { messages: MeasurementsMessage[]; close: () => void };

/** A mirror's measurement feed; listening once this resolves (headers flushed). */
export async function openMeasurementFeed(
  server: StoreServer,
  authorization: string,
): Promise<MeasurementFeed> {
  const abort = new AbortController();
  const response = await apiAs(server, authorization).sizing.measurements(
    {},
    { signal: abort.signal },
  );
  if (!response.body) throw new Error(`measurement feed answered ${response.status}`);
  const messages: MeasurementsMessage[] = [];
  const parser = new SseParser();
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        for (const event of parser.push(decoder.decode(value, { stream: true }))) {
          const message = parseJson(MeasurementsMessage, event.data);
          if (message.ok) messages.push(message.value);
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return { messages, close: () => abort.abort() };
}
