// Starts the device data layer once and exposes its state to React.
import { useEffect, useState } from 'react';
import type { AppName } from '../core';
import { deviceEnvironment } from './device-environment';
import {
  startDevice,
  type DeviceHandle,
  type LinkState,
  type ReplicatorState,
  type StartResult,
} from '../client';

export type DeviceBoot =
  | { phase: 'starting' }
  | { phase: 'pending'; pairingCode: string; caFingerprint?: string }
  | { phase: 'refused'; reason: string }
  | { phase: 'ready'; device: DeviceHandle };

const PAIRING_POLL_MS = 3_000;

export function useDevice(app: AppName, version: string): DeviceBoot {
  const [boot, setBoot] = useState<DeviceBoot>({ phase: 'starting' });
  useEffect(() => {
    let cancelled = false;
    let handle: DeviceHandle | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (result: StartResult) => {
      if (cancelled) {
        if (result.status === 'started') void result.device.stop();
        return;
      }
      if (result.status === 'started') {
        handle = result.device;
        setBoot({ phase: 'ready', device: result.device });
      } else if (result.status === 'pending') {
        setBoot({
          phase: 'pending',
          pairingCode: result.pairingCode,
          caFingerprint: result.caFingerprint,
        });
        timer = setTimeout(() => void result.retry().then(settle), PAIRING_POLL_MS);
      } else {
        setBoot({ phase: 'refused', reason: result.reason });
      }
    };
    void deviceEnvironment()
      .then((environment) => startDevice({ app, version, ...environment }))
      .then(settle, (error: Error) => setBoot({ phase: 'refused', reason: error.message }));
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      void handle?.stop();
    };
  }, [app, version]);
  return boot;
}

export type SyncView = {
  link: LinkState;
  sync: ReplicatorState;
  pendingEvents: number;
  /** Events the server refused (kept aside on the device, docs/protocol.md). */
  refusedEvents: { count: number; lastReason: string | null };
};

export function useSyncView(device: DeviceHandle): SyncView {
  const [view, setView] = useState<SyncView>({
    link: device.link?.state ?? 'offline',
    sync: device.replicator.current,
    pendingEvents: 0,
    refusedEvents: { count: 0, lastReason: null },
  });
  useEffect(() => {
    const offLink = device.link?.onState((link) => setView((current) => ({ ...current, link })));
    const offSync = device.replicator.subscribe((sync) =>
      setView((current) => ({ ...current, sync })),
    );
    // An ack changes both counts: what left the outbox may have been refused.
    const readRefused = () =>
      void device.outbox
        .refused()
        .then((refusedEvents) => setView((current) => ({ ...current, refusedEvents })));
    const offOutbox = device.outbox.onPendingChange((pendingEvents) => {
      setView((current) => ({ ...current, pendingEvents }));
      readRefused();
    });
    void device.outbox
      .pending()
      .then((pendingEvents) => setView((current) => ({ ...current, pendingEvents })));
    readRefused();
    return () => {
      offLink?.();
      offSync();
      offOutbox();
    };
  }, [device]);
  return view;
}
