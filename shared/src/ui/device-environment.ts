// Where a renderer finds its store server and keeps its credential: in the
// Electron shell, from the preload bridge (config file, safeStorage); in a
// plain browser, the page's own origin and IndexedDB.
import type { CredentialStore } from '../client';
import type { TrustAnchor } from '../core';
import type { VitrineBridge } from '../desktop/bridge-types';

declare global {
  interface Window {
    vitrine?: VitrineBridge;
  }
}

export type DeviceEnvironment = {
  baseUrl: string;
  credentialStore?: CredentialStore;
  /** Head office's campaign key from the shell's config, when the installer set one. */
  headOfficeKey?: TrustAnchor;
};

export async function deviceEnvironment(): Promise<DeviceEnvironment> {
  const bridge = window.vitrine;
  if (!bridge) return { baseUrl: window.location.origin };
  const info = await bridge.appInfo();
  if (!info.ok) throw new Error(`shell: ${info.error}`);
  return {
    baseUrl: new URL(info.value.storeServerUrl).origin,
    ...(info.value.headOfficeKey ? { headOfficeKey: info.value.headOfficeKey } : {}),
    credentialStore: {
      load: async () => {
        const stored = await bridge.getDeviceCredential();
        return stored.ok ? (stored.value ?? undefined) : undefined;
      },
      save: async (credential) => {
        const saved = await bridge.setDeviceCredential(credential);
        if (!saved.ok) throw new Error(`shell: ${saved.error}`);
      },
    },
  };
}
