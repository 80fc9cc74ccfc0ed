// Listens for a USB wedge scanner on the whole page for as long as a screen is
// shown, always calling the latest handler (it changes with the screen's state).
import { useEffect, useRef } from 'react';
import { listenForWedgeScans } from '../../scan';

export function useWedgeScans(
  onScan: (code: string) => unknown,
  config: { wedgePrefix?: string; wedgeSuffix?: string },
): void {
  const latest = useRef(onScan);
  latest.current = onScan;
  const { wedgePrefix, wedgeSuffix } = config;
  useEffect(
    () =>
      listenForWedgeScans(window, (code) => void latest.current(code), {
        prefix: wedgePrefix,
        suffixCode: wedgeSuffix,
      }),
    [wedgePrefix, wedgeSuffix],
  );
}
