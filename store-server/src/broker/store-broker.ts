// The store's MQTT side: the embedded broker (plain, WebSocket and TLS
// listeners, all through the same limits) or an external Mosquitto kept in
// step with the registry, then the store server's own link to it.
import type { Express } from 'express';
import type { Server as HttpServer } from 'node:http';
import type { StoreServerConfig } from '../config';
import { secretMatches, hashSecret } from '../devices/credentials';
import type { DeviceRegistry } from '../devices/registry';
import { EXPERT_USER_PREFIX, type ExpertSessions } from '../experts/expert-sessions';
import { startTlsListeners, type TlsListeners } from '../http/tls-listeners';
import type { Logger } from '@vitrine/shared/node';
import type { StationPairings } from '../sizing/station-pairings';
import type { StoreTls } from '../tls/store-tls';
import { devicePrincipal } from './acl';
import { connectBrokerLink, type BrokerLink } from './broker-link';
import { mqttLimitsOf } from './connection-limits';
import { startEmbeddedBroker, type EmbeddedBroker } from './embedded-broker';
import { syncMosquittoAuth } from './external-broker-auth';

/** The MQTT user the store server itself connects as. */
const SERVER_MQTT_USER = 'store-server';

export type StoreBroker = {
  /** Undefined with an external broker. */
  broker: EmbeddedBroker | undefined;
  link: BrokerLink;
  /** HTTPS (and MQTTS with the embedded broker); undefined without TLS. */
  tlsListeners: TlsListeners | undefined;
  close: () => Promise<void>;
};

export async function startStoreBroker(options: {
  config: StoreServerConfig;
  /** The Express app the HTTPS listener serves. */
  app: Express;
  /** The plain HTTP server, for MQTT over WebSocket at /mqtt. */
  httpServer: HttpServer;
  plain: boolean;
  tls: StoreTls | undefined;
  registry: DeviceRegistry;
  experts: ExpertSessions;
  stations: StationPairings;
  /** The store server's own broker password (kept in the database). */
  serverSecret: string;
  log: Logger;
}): Promise<StoreBroker> {
  const { config, tls, registry, experts, stations, log } = options;
  const clientId = `store-server-${config.storeId}`;
  const listenTls = (embedded: EmbeddedBroker | undefined) =>
    tls &&
    startTlsListeners({
      app: options.app,
      tls,
      broker: embedded,
      host: config.httpHost,
      httpsPort: config.httpsPort ?? 0,
      mqttsPort: config.mqttsPort ?? 0,
      log,
    });

  if (config.brokerUrl) {
    const tlsListeners = await listenTls(undefined);
    const stopAuthSync = config.mosquittoAuthDir
      ? syncMosquittoAuth({
          dir: config.mosquittoAuthDir,
          brokerUrl: config.brokerUrl,
          reloadCommand: config.brokerReloadCommand,
          storeId: config.storeId,
          registry,
          experts,
          stations,
          log,
        })
      : undefined;
    const link = await connectBrokerLink({ url: config.brokerUrl, clientId, log });
    return {
      broker: undefined,
      link,
      tlsListeners,
      close: async () => {
        stopAuthSync?.();
        await link.close();
        await tlsListeners?.close();
      },
    };
  }

  const serverSecretHash = hashSecret(options.serverSecret);
  const broker = await startEmbeddedBroker({
    httpServer: options.httpServer,
    mqttPort: options.plain ? config.mqttPort : null,
    host: config.httpHost,
    log,
    limits: mqttLimitsOf(config),
    authenticate: (connectingId, username, password) => {
      if (!username || password === undefined) return undefined;
      if (username === SERVER_MQTT_USER) {
        return secretMatches(password, serverSecretHash)
          ? { kind: 'server', storeId: config.storeId }
          : undefined;
      }
      if (username.startsWith(EXPERT_USER_PREFIX))
        return experts.authenticate(connectingId, username, password);
      // A device connects as itself: its client id is its device id.
      const device = registry.verify(username, password);
      if (!device || device.status !== 'active' || connectingId !== device.id) return undefined;
      return devicePrincipal(config.storeId, device, (id) => stations.mirrorOf(id));
    },
  });
  registry.onChange(() => broker.disconnectDevices((id) => registry.get(id)?.status === 'active'));
  experts.onEnded(() => broker.disconnectExperts((id) => experts.isLive(id)));
  const tlsListeners = await listenTls(broker);
  const link = broker.serverLink;
  return {
    broker,
    link,
    tlsListeners,
    close: async () => {
      await link.close();
      await broker.close();
      await tlsListeners?.close();
    },
  };
}
