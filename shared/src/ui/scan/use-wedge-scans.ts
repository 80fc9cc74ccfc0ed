// Listens for a USB wedge scanner on the whole page for as long as a screen is
// shown, always calling the latest handlers (they change with the screen's state).
import { useEffect, useRef } from 'react';
import { listenForWedgeScans, type WedgeLayout } from '../../scan';

export function useWedgeScans(
  onScan: (code: string) => unknown,
  config: { wedgePrefix?: string; wedgeSuffix?: string; wedgeLayout?: WedgeLayout | 'auto' },
  /** A scanner's burst that could not be read (staff see why in the diagnostics). */
  onUnreadable?: () => void,
): void {
  const latest = useRef({ onScan, onUnreadable });
  latest.current = { onScan, onUnreadable };
  const { wedgePrefix, wedgeSuffix, wedgeLayout } = config;
  useEffect(
    () =>
      listenForWedgeScans(window, (code) => void latest.current.onScan(code), {
        prefix: wedgePrefix,
        suffixCode: wedgeSuffix,
        layout: wedgeLayout === 'auto' ? undefined : wedgeLayout,
        onProblem: () => latest.current.onUnreadable?.(),
      }),
    [wedgePrefix, wedgeSuffix, wedgeLayout],
  );
}
