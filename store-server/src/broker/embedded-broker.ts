// The embedded MQTT broker (aedes): TCP on --mqtt-port and WebSocket at /mqtt
// on the HTTP server. Every connection is authenticated and every packet is
// held to the ACL; refusals are logged with the device id.
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { MAX_PAYLOAD_BYTES } from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import { canPublish, canSubscribe, type Principal } from './acl';
import { DEFAULT_MQTT_LIMITS, mqttConnectionGate, type MqttLimits } from './connection-limits';
import type { BrokerLink } from './broker-link';
import { inProcessLink } from './in-process-link';
import { mqttOverWebSocket } from './mqtt-websocket';

export type Authenticator = (
  clientId: string,
  username: string | undefined,
  password: string | undefined,
) => Principal | undefined;

export type EmbeddedBroker = {
  /** The plain MQTT/TCP port; null when plain ports are off. */
  mqttPort: number | null;
  /** Serves one MQTT connection on an accepted socket (the TLS listener uses it too). */
  handle: (stream: Duplex, request?: IncomingMessage) => void;
  /** Serves MQTT over WebSocket at /mqtt on this HTTP or HTTPS server. */
  attachWebSocket: (server: HttpServer | HttpsServer) => void;
  connectedClients: () => number;
  /** The store server's own link, in process (no MQTT connection of its own). */
  serverLink: BrokerLink;
  /** Drops connected devices that may no longer connect (revoked, unknown). */
  disconnectDevices: (stillAllowed: (deviceId: string) => boolean) => void;
  /** Drops expert consoles whose session ended (signed out, expired): their will fires. */
  disconnectExperts: (stillAllowed: (sessionId: string) => boolean) => void;
  close: () => Promise<void>;
};

const principals = new WeakMap<Client, Principal>();

function authError(message: string, returnCode: 4 | 5): AuthenticateError {
  return Object.assign(new Error(message), { returnCode });
}

export async function startEmbeddedBroker(options: {
  httpServer: HttpServer;
  /** null: no plain MQTT/TCP listener (TLS only). */
  mqttPort: number | null;
  host: string;
  authenticate: Authenticator;
  log: Logger;
  limits?: MqttLimits;
}): Promise<EmbeddedBroker> {
  const limits = options.limits ?? DEFAULT_MQTT_LIMITS;
  const { log } = options;
  const devices = new Map<string, Client>();
  const experts = new Map<string, Client>(); // by session id
  const aedes = await Aedes.createBroker({
    connectTimeout: limits.connectTimeoutMs,
    authenticate(client, username, password, done) {
      const principal = options.authenticate(client.id, username, password?.toString('utf8'));
      if (!principal) {
        log.warn({ clientId: client.id, username }, 'mqtt: refused connection (bad credentials)');
        done(authError('bad username or password', 4), false);
        return;
      }
      principals.set(client, principal);
      // Tracked from authentication on, not from 'clientReady': a revocation
      // can arrive between CONNACK and readiness.
      if (principal.kind === 'device') devices.set(principal.deviceId, client);
      if (principal.kind === 'expert') experts.set(principal.sessionId, client);
      done(null, true);
    },
    authorizePublish(client, packet, done) {
      const principal = client ? principals.get(client) : undefined;
      if (!principal || !canPublish(principal, packet.topic)) {
        log.warn({ clientId: client?.id, topic: packet.topic }, 'mqtt: refused publish (ACL)');
        done(new Error('publish not allowed'));
        return;
      }
      if (packet.payload.length > MAX_PAYLOAD_BYTES) {
        log.warn(
          { clientId: client?.id, bytes: packet.payload.length },
          'mqtt: refused oversized payload',
        );
        done(new Error('payload too large'));
        return;
      }
      done(null);
    },
    authorizeSubscribe(client, subscription, done) {
      const principal = principals.get(client);
      if (!principal || !canSubscribe(principal, subscription.topic)) {
        log.warn(
          { clientId: client.id, topic: subscription.topic },
          'mqtt: refused subscribe (ACL)',
        );
        // A null subscription answers SUBACK 0x80 without closing the connection.
        done(null, null);
        return;
      }
      done(null, subscription);
    },
  });

  aedes.on('clientDisconnect', (client) => {
    const principal = principals.get(client);
    if (principal?.kind === 'device' && devices.get(principal.deviceId) === client)
      devices.delete(principal.deviceId);
    if (principal?.kind === 'expert' && experts.get(principal.sessionId) === client)
      experts.delete(principal.sessionId);
  });

  const gate = mqttConnectionGate(aedes, limits, log);
  /** The client's address: a socket's own, or the upgrade request's for a WebSocket. */
  const addressOf = (stream: Duplex, request?: IncomingMessage) =>
    (stream as Partial<Socket>).remoteAddress ?? request?.socket.remoteAddress ?? 'unknown';
  const handle = (stream: Duplex, request?: IncomingMessage) =>
    gate.handle(stream, addressOf(stream, request), request);
  let tcp: NetServer | undefined;
  let mqttPort: number | null = null;
  if (options.mqttPort !== null) {
    const server = createServer((socket) => handle(socket));
    tcp = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.mqttPort ?? 0, options.host, () => resolve());
    });
    const address = server.address();
    mqttPort = typeof address === 'object' && address ? address.port : options.mqttPort;
  }

  const websockets: { close: () => void }[] = [];
  const attachWebSocket = (server: HttpServer | HttpsServer) =>
    void websockets.push(mqttOverWebSocket(server, gate, limits, log));
  attachWebSocket(options.httpServer);

  return {
    mqttPort,
    handle,
    attachWebSocket,
    connectedClients: () => aedes.connectedClients,
    serverLink: inProcessLink(aedes, log),
    disconnectDevices: (stillAllowed) => {
      for (const [deviceId, client] of devices) {
        if (stillAllowed(deviceId)) continue;
        log.warn({ deviceId }, 'mqtt: disconnected a device that is no longer allowed');
        client.conn.destroy();
      }
    },
    disconnectExperts: (stillAllowed) => {
      for (const [sessionId, client] of experts) {
        if (stillAllowed(sessionId)) continue;
        log.info({ sessionId }, 'mqtt: disconnected an expert whose session ended');
        client.conn.destroy();
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const websocket of websockets) websocket.close();
        tcp?.close();
        aedes.close(() => resolve());
      }),
  };
}
