// A man in the middle on the store LAN: his own copy of Vitrine's CA and a
// certificate for the same addresses, an HTTPS and an MQTTS listener that
// record whatever a device sends them once the handshake is done.
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { readServerChain } from '@vitrine/shared/desktop/store-contact';
import { StoreTls } from '@vitrine/store-server/tls';
import { freshDataDir } from './test-server';

export type Mitm = {
  httpsUrl: string;
  mqttsPort: number;
  /** What devices sent after the handshake: requests and MQTT bytes. */
  seen: string[];
  chain: () => Promise<string[]>;
  close: () => Promise<void>;
};

export async function startMitm(): Promise<Mitm> {
  const tls = await StoreTls.open({
    dir: freshDataDir('vitrine-mitm'),
    storeId: 'paris-rivoli',
    hosts: ['localhost', '127.0.0.1'],
    serverCertDays: 90,
  });
  const seen: string[] = [];
  const https = createHttpsServer(tls.secureContext(), (request, response) => {
    seen.push(`http ${request.method} ${request.url} ${request.headers.authorization ?? ''}`);
    response.end('{}');
  });
  const mqtts = createTlsServer(tls.secureContext(), (socket) =>
    socket.on('data', (data: Buffer) => seen.push(`mqtt ${data.length} bytes`)),
  );
  // A refused handshake is what the attack expects; nothing to report.
  https.on('tlsClientError', () => undefined);
  mqtts.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => mqtts.listen(0, '127.0.0.1', resolve));
  const httpsUrl = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
  return {
    httpsUrl,
    mqttsPort: (mqtts.address() as AddressInfo).port,
    seen,
    chain: () => readServerChain(httpsUrl),
    close: async () => {
      https.closeAllConnections();
      await new Promise<void>((resolve) => https.close(() => resolve()));
      await new Promise<void>((resolve) => mqtts.close(() => resolve()));
    },
  };
}
