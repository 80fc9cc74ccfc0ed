// Placeholder kiosk screen: starts the device, syncs the local copy and answers
// from it. The kiosk issue builds the real screens on top of this.
import { DeviceGate, ProductLookup, SyncStatus } from '@vitrine/shared/ui';

const VERSION = '0.1.0';

export function App() {
  return (
    <DeviceGate app="kiosk" version={VERSION}>
      {(device) => (
        <main style={{ padding: '2rem' }}>
          <h1 style={{ fontFamily: 'system-ui, sans-serif' }}>Vitrine · Kiosk</h1>
          <SyncStatus device={device} />
          <ProductLookup device={device} lang="fr" />
        </main>
      )}
    </DeviceGate>
  );
}
