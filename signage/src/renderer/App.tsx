// The signage screen: pairing, then the player. Remote commands: reload the
// page, resync the local copy, or upload a screenshot of what is showing.
import { useRef } from 'react';
import { PairingScreen } from '@vitrine/shared/ui';
import type { DeviceCommand } from '@vitrine/shared/core';
import { sendScreenshot } from './player/device-api';
import { Player } from './player/Player';
import { captureScreen } from './player/screenshot';
import { useSignageDevice } from './use-signage-device';

const VERSION = '0.2.0';
const box = {
  fontFamily: 'system-ui, sans-serif',
  padding: '3rem',
  textAlign: 'center' as const,
  color: '#fff',
};

export function App() {
  const root = useRef<HTMLDivElement>(null);
  const bootRef = useRef<ReturnType<typeof useSignageDevice>>({ phase: 'starting' });
  const onCommand = (command: DeviceCommand) => {
    const current = bootRef.current;
    if (command.command === 'reload') window.location.reload();
    else if (command.command === 'resync' && current.phase === 'ready') {
      void current.device.replicator.pull().catch(() => undefined);
    } else if (command.command === 'screenshot' && current.phase === 'ready' && root.current) {
      const server = { ...current, deviceId: current.device.deviceId, version: VERSION };
      void captureScreen(root.current).then((png) => png && sendScreenshot(server, png));
    }
  };
  const boot = useSignageDevice(VERSION, onCommand);
  bootRef.current = boot;
  if (boot.phase === 'starting') return <p style={box}>Démarrage… / Starting…</p>;
  if (boot.phase === 'pending') {
    return (
      <PairingScreen
        pairingCode={boot.pairingCode}
        caFingerprint={boot.caFingerprint}
        style={box}
      />
    );
  }
  if (boot.phase === 'refused') return <p style={box}>{boot.reason}</p>;
  return (
    <Player
      device={boot.device}
      baseUrl={boot.baseUrl}
      headOfficeKey={boot.headOfficeKey}
      credential={boot.credential}
      version={VERSION}
      rootRef={root}
    />
  );
}
