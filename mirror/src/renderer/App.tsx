// The smart mirror: starts the device, then runs fitting-room sessions.
import { DeviceGate } from '@vitrine/shared/ui';
import { MirrorApp } from './MirrorApp';
import { readMirrorConfig } from './mirror-config';

const VERSION = '0.2.0';
const config = readMirrorConfig(window.location.search);

export function App() {
  return (
    <DeviceGate app="mirror" version={VERSION}>
      {(device) => <MirrorApp device={device} config={config} />}
    </DeviceGate>
  );
}
