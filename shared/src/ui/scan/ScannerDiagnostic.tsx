// The USB scanner as staff need to see it in the staff overlay: how the kiosk
// expects it to be set up, and the latest burst it could not read (a layout we
// cannot read, a suffix other than the configured one). The shopper only ever
// sees "scan not recognised".
import { useSyncExternalStore } from 'react';
import { scannerDiagnostics, type ScannerDiagnostics, type WedgeLayout } from '../../scan';
import { useI18n } from '../i18n/i18n';
import { DiagnosticLines, type DiagnosticSection } from '../staff/diagnostics';

export type ScannerSetup = {
  wedgePrefix?: string;
  wedgeSuffix?: string;
  wedgeLayout?: WedgeLayout | 'auto';
};

export function useScannerDiagnostic(diagnostics: ScannerDiagnostics = scannerDiagnostics) {
  return useSyncExternalStore(
    (onChange) => diagnostics.subscribe(onChange),
    () => diagnostics.current(),
  );
}

function ScannerLines({ setup }: { setup: ScannerSetup }) {
  const { t, lang } = useI18n();
  const s = t.scanner;
  const problem = useScannerDiagnostic();
  const suffix = (code: string | undefined) => (code ? (s.keys[code] ?? code) : s.pause);
  return (
    <DiagnosticLines
      lines={[
        { label: s.layout, value: s.layouts[setup.wedgeLayout ?? 'auto'] },
        { label: s.suffix, value: suffix(setup.wedgeSuffix ?? 'Enter') },
        ...(setup.wedgePrefix ? [{ label: s.prefix, value: setup.wedgePrefix }] : []),
        problem
          ? {
              label: s.lastProblem,
              value: s.problems[problem.kind](
                suffix(problem.endedWith),
                suffix(problem.expectedSuffix),
                problem.typed,
              ),
              state: 'bad' as const,
              testId: 'diagnostic-scanner-problem',
            }
          : { label: s.lastProblem, value: s.noProblem, state: 'ok' as const },
        ...(problem && problem.keys > 0
          ? [{ label: s.received, value: `${problem.typed} (${problem.keys})` }]
          : []),
        ...(problem
          ? [
              {
                label: s.when,
                value: `${new Date(problem.at).toLocaleTimeString(lang === 'fr' ? 'fr-FR' : 'en-GB')} · ×${problem.count}`,
              },
            ]
          : []),
      ]}
    />
  );
}

/** The staff overlay's scanner section for a touchpoint set up as `setup`. */
export function scannerDiagnostic(setup: ScannerSetup): DiagnosticSection {
  function ScannerBody() {
    return <ScannerLines setup={setup} />;
  }
  return { id: 'scanner', title: { fr: 'Douchette', en: 'Barcode scanner' }, Body: ScannerBody };
}
