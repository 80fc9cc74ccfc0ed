// Where the player finds its store server and credential: the Electron shell's
// bridge when present, else the page's own origin and IndexedDB. (Same rule as
// shared/src/ui's, which its index does not export.)
import type { CredentialStore } from '@vitrine/shared/client';
import type { VitrineBridge } from '@vitrine/shared/desktop/bridge';

declare global {
  interface Window {
    vitrine?: VitrineBridge;
  }
}

export type DeviceEnvironment = { baseUrl: string; credentialStore?: CredentialStore };

export async function signageEnvironment(): Promise<DeviceEnvironment> {
  const bridge = window.vitrine;
  if (!bridge) return { baseUrl: window.location.origin };
  const info = await bridge.appInfo();
  if (!info.ok) throw new Error(`shell: ${info.error}`);
  return {
    baseUrl: new URL(info.value.storeServerUrl).origin,
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
