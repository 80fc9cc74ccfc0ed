// Starts the signage device like every touchpoint (startDevice), keeping what
// the player needs besides: the credential for its own calls and remote commands.
import { useEffect, useRef, useState } from 'react';
import { dexieCredentialStore, startDevice, type DeviceHandle } from '@vitrine/shared/client';
import {
  backoff,
  type DeviceCommand,
  type DeviceCredential,
  type TrustAnchor,
} from '@vitrine/shared/core';
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

/** A pending screen asks again this often: someone is approving it, not a failure. */
const PAIRING_POLL_MS = 3_000;
/** A refused start (server away, an error) is tried again later and later, never given up. */
const REFUSED_RETRY = { firstMs: 5_000, maxMs: 60_000, floorMs: 1_000 };

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
    const refusedWaits = backoff(REFUSED_RETRY);
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
      if (result.status !== 'refused') refusedWaits.reset();
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
        timer = setTimeout(() => void attempt(), PAIRING_POLL_MS);
      } else {
        setBoot({ phase: 'refused', reason: result.reason });
        // A screen never gives up: the server may come back.
        timer = setTimeout(() => void attempt(), refusedWaits.next());
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
