// How a device gets its credential: kept locally once known; in the demo store
// the server hands the pre-enrolled one to a browser on its own machine;
// otherwise the device enrols and shows a pairing code until staff approve.
import {
  DemoCredentialResponse,
  DeviceCredential,
  DeviceMe,
  EnrolResponse,
  deviceBearer,
  parseUnknown,
  type AppName,
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

async function getJson(
  url: string,
  init?: RequestInit,
  fetcher: typeof fetch = fetch,
): Promise<{ status: number; body: unknown }> {
  const response = await fetcher(url, init);
  return { status: response.status, body: await response.json().catch(() => null) };
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
  const fetcher = options.fetch ?? fetch;
  try {
    let credential = await store.load();
    if (!credential) {
      const demo = await getJson(
        `${baseUrl}/api/v1/devices/demo-credential?app=${app}`,
        undefined,
        fetcher,
      );
      const demoCredential = parseUnknown(DemoCredentialResponse, demo.body);
      if (demo.status === 200 && demoCredential.ok) {
        credential = {
          deviceId: demoCredential.value.deviceId,
          secret: demoCredential.value.secret,
        };
      } else {
        const enrol = await getJson(
          `${baseUrl}/api/v1/devices/enrol`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ role: app, name: options.name }),
          },
          fetcher,
        );
        const enrolled = parseUnknown(EnrolResponse, enrol.body);
        if (!enrolled.ok)
          return { status: 'refused', reason: `enrolment failed (${enrol.status})` };
        credential = { deviceId: enrolled.value.deviceId, secret: enrolled.value.secret };
      }
      await store.save(credential);
    }
    const me = await getJson(
      `${baseUrl}/api/v1/devices/me`,
      { headers: { authorization: deviceBearer(credential) } },
      fetcher,
    );
    const parsed = parseUnknown(DeviceMe, me.body);
    if (!parsed.ok)
      return {
        status: 'refused',
        reason: `the store server does not know this device (${me.status})`,
      };
    if (parsed.value.status === 'revoked')
      return { status: 'refused', reason: 'this device was revoked' };
    return { status: parsed.value.status, credential, me: parsed.value };
  } catch (error) {
    return { status: 'unreachable', reason: (error as Error).message };
  }
}
