// Starts the signage device like every touchpoint (startDevice), keeping what
// the player needs besides: the credential for its own calls and remote commands.
import { useEffect, useRef, useState } from 'react';
import { dexieCredentialStore, startDevice, type DeviceHandle } from '@vitrine/shared/client';
import type { DeviceCommand, DeviceCredential, TrustAnchor } from '@vitrine/shared/core';
import { deviceEnvironment } from '@vitrine/shared/ui';

export type SignageBoot =
  | { phase: 'starting' }
  | { phase: 'pending'; pairingCode: string; caFingerprint?: string }
  | { phase: 'refused'; reason: string }
  | {
      phase: 'ready';
      device: DeviceHandle;
      credential: DeviceCredential;
      baseUrl: string;
      /** Head office's key from the shell's config, if the installer set one. */
      headOfficeKey: TrustAnchor | undefined;
    };

const RETRY_MS = 3_000;

export function useSignageDevice(
  version: string,
  onCommand: (command: DeviceCommand) => void,
): SignageBoot {
  const [boot, setBoot] = useState<SignageBoot>({ phase: 'starting' });
  const commandRef = useRef(onCommand);
  commandRef.current = onCommand;
  useEffect(() => {
    let cancelled = false;
    let handle: DeviceHandle | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = async () => {
      const { headOfficeKey, ...environment } = await deviceEnvironment();
      const result = await startDevice({
        app: 'signage',
        version,
        ...environment,
        onCommand: (command) => commandRef.current(command),
      });
      if (cancelled) {
        if (result.status === 'started') await result.device.stop();
        return;
      }
      if (result.status === 'started') {
        handle = result.device;
        const store = environment.credentialStore ?? dexieCredentialStore(result.device.db);
        const credential = await store.load();
        if (!credential) {
          setBoot({ phase: 'refused', reason: 'started without a credential' });
          return;
        }
        setBoot({
          phase: 'ready',
          device: result.device,
          credential,
          baseUrl: environment.baseUrl,
          headOfficeKey,
        });
      } else if (result.status === 'pending') {
        setBoot({
          phase: 'pending',
          pairingCode: result.pairingCode,
          caFingerprint: result.caFingerprint,
        });
        timer = setTimeout(() => void attempt(), RETRY_MS);
      } else {
        setBoot({ phase: 'refused', reason: result.reason });
        // A screen never gives up: the server may come back.
        timer = setTimeout(() => void attempt(), RETRY_MS * 5);
      }
    };
    void attempt().catch((error: Error) => setBoot({ phase: 'refused', reason: error.message }));
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      void handle?.stop();
    };
  }, [version]);
  return boot;
}
