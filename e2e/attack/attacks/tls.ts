// Finding 7: no transport security. "Sniff the LAN": with plain ports off, the
// plain ports refuse connections and the TLS ports refuse a plain-text MQTT
// CONNECT or HTTP login carrying real credentials. "Man in the middle": a
// device pinned to its store CA refuses a server with another certificate and
// sends it nothing.
import mqtt from 'mqtt';
import { connect, type Socket } from 'node:net';
import { apiRoutes, routeUrl } from '@vitrine/shared/core';
import { TEST_ADMIN_TOKEN } from '../../support/server-process';
import { startMitm } from '../../support/mitm';
import { DevicePins, enrolOverTls } from '../../support/tls-client';
import type { Attack, AttackContext } from '../attack';

/** An MQTT 3.1.1 CONNECT with a username and password, in clear. */
function mqttConnect(clientId: string, username: string, password: string): Buffer {
  const field = (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    return Buffer.concat([Buffer.from([bytes.length >> 8, bytes.length & 0xff]), bytes]);
  };
  const variable = Buffer.from([0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, 0x04, 0xc2, 0x00, 0x3c]);
  const body = Buffer.concat([variable, field(clientId), field(username), field(password)]);
  return Buffer.concat([Buffer.from([0x10, body.length]), body]);
}

/** Sends `bytes` in clear; what came back before the server closed (or 5 s passed). */
function sendInClear(
  port: number,
  bytes: Buffer | string,
): Promise<{ refused: boolean; answer: Buffer }> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let refused = false;
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      refused = error.code === 'ECONNREFUSED';
    });
    socket.on('close', () => resolve({ refused, answer: Buffer.concat(chunks) }));
    setTimeout(() => socket.destroy(), 5_000).unref();
  });
}

/** A real, approved device credential, obtained over HTTPS the way a screen gets one. */
async function approvedDevice(server: AttackContext['server'], pins: DevicePins) {
  const device = await enrolOverTls(server.httpsUrl, pins, 'kiosk');
  const approve = await pins.fetch(routeUrl(server.httpsUrl, apiRoutes.devices.approve, {}), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    body: JSON.stringify({ pairingCode: device.pairingCode }),
  });
  if (!approve.ok) throw new Error(`approval failed: ${approve.status}`);
  return device;
}

export const attacks: Attack[] = [
  {
    finding: '7 transport',
    name: 'TLS: sniff the LAN (plain ports off; clear text refused)',
    serverArgs: ['--plain', 'off'],
    run: async ({ server }) => {
      const pins = new DevicePins([server.caPem()]);
      const device = await approvedDevice(server, pins);
      const connectPacket = mqttConnect(device.deviceId, device.deviceId, device.secret);
      const login = JSON.stringify({ username: 'staff', password: 'vitrine-demo' });
      const httpLogin =
        `POST ${routeUrl('', apiRoutes.auth.login, {})} HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
        `content-length: ${Buffer.byteLength(login)}\r\n\r\n${login}`;
      const plainHttp = await sendInClear(server.httpPort, httpLogin);
      const plainMqtt = await sendInClear(server.mqttPort, connectPacket);
      const tlsMqtt = await sendInClear(server.mqttsPort, connectPacket);
      const tlsHttp = await sendInClear(server.httpsPort, httpLogin);
      // A CONNACK starts with 0x20; an HTTP answer with "HTTP/".
      const mqttAccepted = tlsMqtt.answer[0] === 0x20;
      const httpAnswered = tlsHttp.answer.toString('latin1').startsWith('HTTP/');
      await pins.close();
      const parts = [
        `plain ${plainHttp.refused && plainMqtt.refused ? 'refused' : 'OPEN'}`,
        `clear MQTT CONNECT on mqtts ${mqttAccepted ? 'ACCEPTED' : 'dropped'}`,
        `clear HTTP login on https ${httpAnswered ? 'ANSWERED' : 'dropped'}`,
      ];
      return {
        result: parts.join('; '),
        pass: plainHttp.refused && plainMqtt.refused && !mqttAccepted && !httpAnswered,
        dataLost: 0,
      };
    },
  },
  {
    finding: '7 transport',
    name: 'TLS: man in the middle with his own certificate',
    run: async ({ server }) => {
      const pins = new DevicePins([server.caPem()]);
      const device = await approvedDevice(server, pins);
      const mitm = await startMitm();
      const httpsRefused = await pins
        .fetch(routeUrl(mitm.httpsUrl, apiRoutes.devices.me, {}), {
          headers: { authorization: `Bearer ${device.deviceId}.${device.secret}` },
        })
        .then(
          () => false,
          () => true,
        );
      const mqttsRefused = await mqtt
        .connectAsync(`mqtts://127.0.0.1:${mitm.mqttsPort}`, {
          clientId: device.deviceId,
          username: device.deviceId,
          password: device.secret,
          reconnectPeriod: 0,
          connectTimeout: 5_000,
          ...pins.mqttTls,
        })
        .then(
          async (client) => {
            await client.endAsync();
            return false;
          },
          () => true,
        );
      // Control: the same pins reach the real store.
      const real = await pins.fetch(routeUrl(server.httpsUrl, apiRoutes.devices.me, {}), {
        headers: { authorization: `Bearer ${device.deviceId}.${device.secret}` },
      });
      await mitm.close();
      await pins.close();
      const leaked = mitm.seen.length;
      return {
        result: `HTTPS ${httpsRefused ? 'refused' : 'ACCEPTED'}, MQTTS ${mqttsRefused ? 'refused' : 'ACCEPTED'}; ${leaked} messages reached the MITM; real store ${real.status}`,
        pass: httpsRefused && mqttsRefused && leaked === 0 && real.status === 200,
        dataLost: 0,
      };
    },
  },
];
