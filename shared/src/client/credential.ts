// How a device gets its credential: kept locally once known; in the demo store
// the server hands the pre-enrolled one to a browser on its own machine;
// otherwise the device enrols and shows a pairing code until staff approve.
import {
  ApiCallError,
  DeviceCredential,
  apiClient,
  apiRoutes,
  deviceBearer,
  parseUnknown,
  type AppName,
  type DeviceMe,
} from '../core';
import type { DeviceDb } from './device-db';

const KEY = 'device.credential';

/** Where the credential rests: IndexedDB in a browser, safeStorage in Electron. */
export type CredentialStore = {
  load: () => Promise<DeviceCredential | undefined>;
  save: (credential: DeviceCredential) => Promise<void>;
};

export function dexieCredentialStore(db: DeviceDb): CredentialStore {
  return {
    load: async () => {
      const parsed = parseUnknown(DeviceCredential, await db.getMeta(KEY));
      return parsed.ok ? parsed.value : undefined;
    },
    save: (credential) => db.setMeta(KEY, credential),
  };
}

export type Enrolment =
  | { status: 'active'; credential: DeviceCredential; me: DeviceMe }
  | { status: 'pending'; credential: DeviceCredential; me: DeviceMe }
  | { status: 'refused'; reason: string }
  | { status: 'unreachable'; reason: string };

/** The call's answer, or the refusal; a network failure still throws (unreachable). */
async function answerOf<T>(call: Promise<T>): Promise<T | ApiCallError> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiCallError) return error;
    throw error;
  }
}

/** Finds or obtains this device's credential and asks the server what it is. */
export async function ensureEnrolled(options: {
  baseUrl: string;
  app: AppName;
  name: string;
  store: CredentialStore;
  /** How to reach the store (a fetch that trusts only the pinned store CA, in Node). */
  fetch?: typeof fetch;
}): Promise<Enrolment> {
  const { baseUrl, app, store } = options;
  try {
    let credential = await store.load();
    const devices = apiClient(apiRoutes, {
      baseUrl,
      fetch: options.fetch,
      authorization: () => (credential ? deviceBearer(credential) : undefined),
    }).devices;
    if (!credential) {
      const demo = await answerOf(devices.demoCredential({ query: { app } }));
      if (!(demo instanceof ApiCallError)) {
        credential = { deviceId: demo.deviceId, secret: demo.secret };
      } else {
        const enrolled = await answerOf(devices.enrol({ body: { role: app, name: options.name } }));
        if (enrolled instanceof ApiCallError)
          return { status: 'refused', reason: `enrolment failed (${enrolled.status})` };
        credential = { deviceId: enrolled.deviceId, secret: enrolled.secret };
      }
      await store.save(credential);
    }
    const me = await answerOf(devices.me());
    if (me instanceof ApiCallError)
      return {
        status: 'refused',
        reason: `the store server does not know this device (${me.status})`,
      };
    if (me.status === 'revoked') return { status: 'refused', reason: 'this device was revoked' };
    return { status: me.status, credential, me };
  } catch (error) {
    return { status: 'unreachable', reason: (error as Error).message };
  }
}
