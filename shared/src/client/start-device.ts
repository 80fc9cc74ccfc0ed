// Starts a touchpoint's data layer: local copy, replicator, outbox, MQTT link.
// Works offline from the first successful sync on: the identity and the store
// id are remembered, so a restart with the server down still opens the copy.
import type { AppName, DeviceCommand, DeviceCredential, TrustBundle } from '../core';
import { dexieCredentialStore, ensureEnrolled, type CredentialStore } from './credential';
import type { DeviceDb } from './device-db';
import { DeviceLink } from './device-link';
import { openDeviceDb } from './open-device-db';
import { Outbox } from './outbox';
import { WorkerReplicator } from './replication/worker-replicator';
import { Replicator, type DeviceReplicator } from './replicator';

export type DeviceHandle = {
  /** The store server's origin: media and API paths resolve against it (not the page's
   * origin, which is vitrine-app://<app> inside the Electron shell). */
  baseUrl: string;
  db: DeviceDb;
  replicator: DeviceReplicator;
  outbox: Outbox;
  link: DeviceLink | null;
  deviceId: string;
  storeId: string;
  stop: () => Promise<void>;
};

/**
 * How a device reaches its store when the page's own network stack cannot pin
 * the store CA (Node clients): a fetch and MQTT TLS options that trust only
 * the pinned CA, and where to hand the trust bundle each /devices/me carries
 * (a CA rotation arrives that way, over the channel already trusted).
 */
export type DeviceTransport = {
  fetch?: typeof fetch;
  mqttTls?: { ca: string[]; rejectUnauthorized: true };
  onTrustBundle?: (bundle: TrustBundle) => Promise<void> | void;
};

export type StartResult =
  | { status: 'started'; device: DeviceHandle }
  | {
      status: 'pending';
      pairingCode: string;
      /** The store CA this device pinned, for staff to compare with the console's. */
      caFingerprint?: string;
      retry: () => Promise<StartResult>;
    }
  | { status: 'refused'; reason: string };

const IDENTITY = 'device.identity';
/** What a device remembers of its store, to start with the server down. */
type Identity = { storeId: string; mqttUrl: string };

export async function startDevice(options: {
  app: AppName;
  baseUrl: string;
  version: string;
  name?: string;
  dbName?: string;
  credentialStore?: CredentialStore;
  showing?: () => string;
  onCommand?: (command: DeviceCommand) => void;
  transport?: DeviceTransport;
}): Promise<StartResult> {
  const transport = options.transport ?? {};
  const { db } = await openDeviceDb(options.dbName ?? `vitrine-${options.app}`);
  const store = options.credentialStore ?? dexieCredentialStore(db);
  const enrolment = await ensureEnrolled({
    baseUrl: options.baseUrl,
    app: options.app,
    name: options.name ?? `${options.app} (${navigatorName()})`,
    store,
    fetch: transport.fetch,
  });
  if (enrolment.status === 'active' && enrolment.me.tls)
    await transport.onTrustBundle?.(enrolment.me.tls);

  let credential: DeviceCredential;
  let identity: Identity;
  if (enrolment.status === 'active') {
    credential = enrolment.credential;
    identity = {
      storeId: enrolment.me.storeId,
      mqttUrl: enrolment.me.mqttUrl ?? `${options.baseUrl.replace(/^http/, 'ws')}/mqtt`,
    };
    await db.setMeta(IDENTITY, identity);
  } else if (enrolment.status === 'pending') {
    db.close();
    return {
      status: 'pending',
      pairingCode: enrolment.me.pairingCode ?? '',
      caFingerprint: enrolment.me.tls?.fingerprint,
      retry: () => startDevice(options),
    };
  } else if (enrolment.status === 'unreachable') {
    // Server down: run from the local copy with the identity we had.
    const known = await store.load();
    const remembered = await db.getMeta<Identity>(IDENTITY);
    if (!known || !remembered) {
      db.close();
      return {
        status: 'refused',
        reason: `store server unreachable and no local copy yet (${enrolment.reason})`,
      };
    }
    credential = known;
    identity = remembered;
  } else {
    db.close();
    return { status: 'refused', reason: enrolment.reason };
  }

  const dbName = options.dbName ?? `vitrine-${options.app}`;
  const { replicator, stopReplicator } = await startReplicator(db, dbName, {
    baseUrl: options.baseUrl,
    credential,
    fetch: transport.fetch,
  });
  const outbox = new Outbox(db);
  const link = new DeviceLink({
    mqttUrl: identity.mqttUrl,
    storeId: identity.storeId,
    app: options.app,
    version: options.version,
    credential,
    db,
    replicator,
    outbox,
    showing: options.showing ?? (() => options.app),
    onCommand: options.onCommand,
    tls: transport.mqttTls,
  });
  await link.start();
  return {
    status: 'started',
    device: {
      baseUrl: options.baseUrl,
      db,
      replicator,
      outbox,
      link,
      deviceId: credential.deviceId,
      storeId: identity.storeId,
      stop: async () => {
        await link.stop();
        stopReplicator();
        db.close();
      },
    },
  };
}

/**
 * A page's copy is pulled and written in a Web Worker (replication/), so the
 * page stays responsive while a big store's copy fills. Node devices (a
 * pinned-CA fetch, no Worker) replicate in place, and so does a page whose
 * worker cannot start (WorkerReplicator falls back).
 */
async function startReplicator(
  db: DeviceDb,
  dbName: string,
  options: { baseUrl: string; credential: DeviceCredential; fetch?: typeof fetch },
): Promise<{ replicator: DeviceReplicator; stopReplicator: () => void }> {
  if (typeof Worker !== 'undefined' && !options.fetch) {
    const inWorker = new WorkerReplicator({ db, dbName, ...options });
    await inWorker.init();
    return { replicator: inWorker, stopReplicator: () => inWorker.stop() };
  }
  const inPage = new Replicator({ db, ...options });
  await inPage.init();
  return { replicator: inPage, stopReplicator: () => undefined };
}

function navigatorName(): string {
  return typeof navigator === 'undefined' ? 'node' : navigator.platform || 'browser';
}
