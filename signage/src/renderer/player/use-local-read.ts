// Reads something from the device's local copy and reads it again as soon as
// the replicator commits a change (a price, a promotion), and every few
// seconds besides, since a promotion starts or ends by the clock alone.
import { useEffect, useState } from 'react';
import type { DeviceHandle } from '@vitrine/shared/client';

const CLOCK_REFRESH_MS = 1_000;

export function useLocalRead<T>(
  device: DeviceHandle,
  read: (device: DeviceHandle, now: Date) => Promise<T>,
  key: string,
): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    const load = () =>
      void read(device, new Date()).then(
        (next) => live && setValue(next),
        () => undefined, // A failed read keeps what is on screen; the next one may work.
      );
    load();
    const timer = setInterval(load, CLOCK_REFRESH_MS);
    let checkpoint = device.replicator.current.checkpoint;
    const unsubscribe = device.replicator.subscribe((state) => {
      if (state.checkpoint === checkpoint) return;
      checkpoint = state.checkpoint;
      load();
    });
    return () => {
      live = false;
      clearInterval(timer);
      unsubscribe();
    };
    // `read` is a module-level function; `key` says what it reads.
  }, [device, key]);
  return value;
}
