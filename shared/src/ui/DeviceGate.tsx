// What a touchpoint shows before it can serve shoppers: starting, the pairing
// code staff must approve, or why it cannot start. Then its own content.
import type { ReactNode } from 'react';
import type { AppName } from '../core';
import type { DeviceHandle } from '../client';
import { PairingScreen } from './PairingScreen';
import { StaffExitPad } from './StaffExitPad';
import { useDevice } from './use-device';

const box = { fontFamily: 'system-ui, sans-serif', padding: '3rem', textAlign: 'center' as const };

export function DeviceGate(props: {
  app: AppName;
  version: string;
  children: (device: DeviceHandle) => ReactNode;
}) {
  // Staff can leave the app in every phase, a refused or unpaired screen included.
  return (
    <>
      <GatedContent {...props} />
      <StaffExitPad />
    </>
  );
}

function GatedContent(props: {
  app: AppName;
  version: string;
  children: (device: DeviceHandle) => ReactNode;
}) {
  const boot = useDevice(props.app, props.version);
  if (boot.phase === 'starting') {
    return (
      <p role="status" style={box}>
        Démarrage… / Starting…
      </p>
    );
  }
  if (boot.phase === 'pending') {
    return (
      <PairingScreen
        pairingCode={boot.pairingCode}
        caFingerprint={boot.caFingerprint}
        style={box}
      />
    );
  }
  if (boot.phase === 'refused') {
    return (
      <div role="alert" style={box}>
        <h1>Écran indisponible / Screen unavailable</h1>
        <p>{boot.reason}</p>
      </div>
    );
  }
  return <>{props.children(boot.device)}</>;
}
