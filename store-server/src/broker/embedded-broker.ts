// The embedded MQTT broker (aedes): TCP on --mqtt-port and WebSocket at /mqtt
// on the HTTP server. Every connection is authenticated and every packet is
// held to the ACL; refusals are logged with the device id.
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import { createServer, type Server as NetServer } from 'node:net';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocketServer, createWebSocketStream } from 'ws';
import { MAX_PAYLOAD_BYTES } from '@vitrine/shared/core';
import type { Logger } from '../log';
import { canPublish, canSubscribe, type Principal } from './acl';

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
}): Promise<EmbeddedBroker> {
  const { log } = options;
  const devices = new Map<string, Client>();
  const experts = new Map<string, Client>(); // by session id
  const aedes = await Aedes.createBroker({
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

  const handle = (stream: Duplex, request?: IncomingMessage) => aedes.handle(stream, request);
  let tcp: NetServer | undefined;
  let mqttPort: number | null = null;
  if (options.mqttPort !== null) {
    const server = createServer(handle);
    tcp = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.mqttPort ?? 0, options.host, () => resolve());
    });
    const address = server.address();
    mqttPort = typeof address === 'object' && address ? address.port : options.mqttPort;
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES + 1024 });
  const attachWebSocket = (server: HttpServer | HttpsServer) => {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(request.url ?? '/', 'http://x').pathname !== '/mqtt') {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(request, socket, head, (websocket) => {
        handle(createWebSocketStream(websocket), request);
      });
    });
  };
  attachWebSocket(options.httpServer);

  return {
    mqttPort,
    handle,
    attachWebSocket,
    connectedClients: () => aedes.connectedClients,
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
        for (const client of wss.clients) client.terminate();
        wss.close();
        tcp?.close();
        aedes.close(() => resolve());
      }),
  };
}
