// The latest scanner problem, for staff (a misconfigured USB scanner): meant
// for a staff-only place on the touchpoint, never the shopper's screen.
import { useSyncExternalStore } from 'react';
import { describeScannerProblem, scannerDiagnostics, type ScannerDiagnostics } from '../../scan';

export function useScannerDiagnostic(diagnostics: ScannerDiagnostics = scannerDiagnostics) {
  return useSyncExternalStore(
    (onChange) => diagnostics.subscribe(onChange),
    () => diagnostics.current(),
  );
}

export function ScannerDiagnosticLine() {
  const diagnostic = useScannerDiagnostic();
  if (!diagnostic) return null;
  return (
    <p
      data-testid="scanner-diagnostic"
      data-kind={diagnostic.kind}
      data-count={diagnostic.count}
      style={{ fontFamily: 'system-ui, sans-serif', fontSize: '0.9rem', color: '#333' }}
    >
      {describeScannerProblem(diagnostic)} · {diagnostic.at.slice(11, 19)} · ×{diagnostic.count}
    </p>
  );
}
