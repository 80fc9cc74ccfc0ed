// What a touchpoint does once a code arrives, whether from the USB scanner,
// the camera or the typed code field: read it, answer a loyalty card or an
// unreadable code with a notice, look the GTIN up in the device's catalogue
// (a miss is a notice too) and hand what was found to the screen. Also owns
// whether the camera scanner is open, and what its panel is told.
import { useCallback, useRef, useState } from 'react';
import type { DeviceHandle } from '../../client';
import { cameraScanText, readScan, type ScanReading, type WedgeLayout } from '../../scan';
import type { ScanProblem } from './ScanNotice';
import { useWedgeScans } from './use-wedge-scans';

export type CodeScanningOptions<Found> = {
  device: DeviceHandle;
  config: { wedgePrefix?: string; wedgeSuffix?: string; wedgeLayout?: WedgeLayout | 'auto' };
  /** The catalogue entry for a GTIN (undefined when unknown); a failure counts as unknown. */
  lookUp: (gtin: string) => Promise<Found | undefined>;
  onFound: (found: Found, gtin: string) => void;
  onProblem: (problem: ScanProblem) => void;
  /** Asked first: true when the code was something else and is dealt with (a staff badge). */
  intercept?: (raw: string) => Promise<boolean>;
  /** After the loyalty-card notice (the kiosk calls staff). */
  onLoyaltyCard?: () => void;
  /** The camera closes at its first reading (the kiosk: the answer needs the room). */
  closeCameraOnReading?: boolean;
  /** Say so when a USB scanner's burst could not be read. */
  noticeUnreadableScanner?: boolean;
};

export type CodeScanning = {
  handleCode: (raw: string) => Promise<void>;
  cameraOpen: boolean;
  toggleCamera: () => void;
  /** For the CameraPanel shown while cameraOpen. */
  cameraPanel: {
    isKnownGtin: (gtin14: string) => Promise<boolean>;
    onClose: () => void;
    onReading: (reading: ScanReading) => void;
  };
};

export function useCodeScanning<Found>(options: CodeScanningOptions<Found>): CodeScanning {
  // The handlers change with the screen's state; the code is read with the latest.
  const latest = useRef(options);
  latest.current = options;
  const [cameraOpen, setCameraOpen] = useState(false);
  const { device } = options;

  const handleCode = useCallback(async (raw: string) => {
    const { intercept, lookUp, onFound, onProblem, onLoyaltyCard } = latest.current;
    if (intercept && (await intercept(raw))) return;
    const reading = readScan(raw);
    if (reading.kind === 'loyalty-card') {
      onProblem('loyalty-card');
      onLoyaltyCard?.();
      return;
    }
    if (reading.kind === 'rejected') return onProblem(reading.reason);
    const found = await lookUp(reading.gtin).catch(() => undefined);
    if (found) onFound(found, reading.gtin);
    else onProblem('unknown-product');
  }, []);

  const scannerUnreadable = useCallback(() => {
    if (latest.current.noticeUnreadableScanner) latest.current.onProblem('scanner-unreadable');
  }, []);
  useWedgeScans(handleCode, options.config, scannerUnreadable);

  const isKnownGtin = useCallback(
    (gtin14: string) => device.db.productByGtin(gtin14).then((product) => !!product),
    [device],
  );
  const closeCamera = useCallback(() => setCameraOpen(false), []);
  const onReading = useCallback(
    (reading: ScanReading) => {
      if (latest.current.closeCameraOnReading) closeCamera();
      void handleCode(cameraScanText(reading));
    },
    [handleCode, closeCamera],
  );
  const toggleCamera = useCallback(() => setCameraOpen((open) => !open), []);
  const cameraPanel = { isKnownGtin, onClose: closeCamera, onReading };
  return { handleCode, cameraOpen, toggleCamera, cameraPanel };
}
