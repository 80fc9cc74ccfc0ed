// The kiosk: starts the device, then runs shopper sessions on its local copy.
import { DeviceGate } from '@vitrine/shared/ui';
import { KioskApp } from './KioskApp';
import { readKioskConfig } from './kiosk-config';
import { KIOSK_VERSION } from './staff-diagnostics';
const config = readKioskConfig(window.location.search);

export function App() {
  return (
    <DeviceGate app="kiosk" version={KIOSK_VERSION}>
      {(device) => <KioskApp device={device} config={config} />}
    </DeviceGate>
  );
}
