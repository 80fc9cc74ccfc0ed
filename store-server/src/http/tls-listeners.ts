// The store's TLS listeners: HTTPS (the same Express app, and MQTT over WSS at
// /mqtt) and MQTT over TLS. MQTT connections go through the embedded broker's
// own `handle`, the same path as plain TCP, so every limit it sets holds here too.
import type { Express } from 'express';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  createServer as createTlsServer,
  type SecureContextOptions,
  type Server as TlsServer,
} from 'node:tls';
import type { EmbeddedBroker } from '../broker/embedded-broker';
import type { Logger } from '@vitrine/shared/node';
import type { StoreTls } from '../tls/store-tls';

export type TlsListeners = {
  httpsPort: number;
  /** null with an external broker: it serves its own TLS. */
  mqttsPort: number | null;
  close: () => Promise<void>;
};

/** No TLS 1.0/1.1: every device here speaks 1.2 or 1.3. */
const MIN_VERSION = 'TLSv1.2';
/** A TLS handshake that has not finished by then is dropped. */
const HANDSHAKE_TIMEOUT_MS = 10_000;

function listen(server: HttpsServer | TlsServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startTlsListeners(options: {
  app: Express;
  tls: StoreTls;
  broker: EmbeddedBroker | undefined;
  host: string;
  httpsPort: number;
  mqttsPort: number;
  log: Logger;
}): Promise<TlsListeners> {
  const { tls, broker, log } = options;
  const context = (): SecureContextOptions => ({ ...tls.secureContext(), minVersion: MIN_VERSION });
  const https = createHttpsServer(
    { ...context(), handshakeTimeout: HANDSHAKE_TIMEOUT_MS },
    options.app,
  );
  broker?.attachWebSocket(https);
  const mqtts = broker
    ? createTlsServer({ ...context(), handshakeTimeout: HANDSHAKE_TIMEOUT_MS }, (socket) =>
        broker.handle(socket),
      )
    : undefined;
  for (const server of [https, mqtts]) {
    // A port scanner or a plain-text client fails the handshake: note it, nothing more.
    server?.on('tlsClientError', (error) =>
      log.debug({ err: error.message }, 'tls: handshake refused'),
    );
  }
  const stopWatching = tls.onChange(() => {
    https.setSecureContext(context());
    mqtts?.setSecureContext(context());
    log.info(tls.status(), 'tls: serving a new server certificate');
  });
  const httpsPort = await listen(https, options.httpsPort, options.host);
  const mqttsPort = mqtts ? await listen(mqtts, options.mqttsPort, options.host) : null;
  return {
    httpsPort,
    mqttsPort,
    close: async () => {
      stopWatching();
      https.closeAllConnections();
      await new Promise<void>((resolve) => https.close(() => resolve()));
      await new Promise<void>((resolve) => (mqtts ? mqtts.close(() => resolve()) : resolve()));
    },
  };
}
