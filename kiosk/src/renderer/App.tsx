// The kiosk: starts the device, then runs shopper sessions on its local copy.
import { DeviceGate } from '@vitrine/shared/ui';
import { KioskApp } from './KioskApp';
import { readKioskConfig } from './kiosk-config';

const VERSION = '0.2.0';
const config = readKioskConfig(window.location.search);

export function App() {
  return (
    <DeviceGate app="kiosk" version={VERSION}>
      {(device) => <KioskApp device={device} config={config} />}
    </DeviceGate>
  );
}
