// MQTT over WebSocket at /mqtt on an HTTP (or HTTPS) server, under the same
// limits as MQTT over TCP. ws's maxPayload is the MQTT packet limit: one
// WebSocket message never holds more than one packet's worth, and a packet
// split over many messages is still caught by the gate as its length is read.
import type { Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import { WebSocketServer, createWebSocketStream } from 'ws';
import type { Logger } from '@vitrine/shared/node';
import type { MqttConnectionGate, MqttLimits } from './connection-limits';

export function mqttOverWebSocket(
  server: HttpServer | HttpsServer,
  gate: MqttConnectionGate,
  limits: MqttLimits,
  log: Logger,
): { close: () => void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPacketBytes });
  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://x').pathname !== '/mqtt') {
      socket.destroy();
      return;
    }
    const address = request.socket.remoteAddress ?? 'unknown';
    // Refused before the handshake: no WebSocket is set up for it at all.
    if (!gate.admits(address)) {
      log.warn({ address }, 'mqtt: refused a WebSocket (too many not yet authenticated)');
      socket.once('finish', () => socket.destroy());
      socket.end(
        'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    wss.handleUpgrade(request, socket, head, (websocket) => {
      gate.handle(createWebSocketStream(websocket), address, request);
    });
  });
  return {
    close: () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
