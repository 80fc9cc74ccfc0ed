// The kiosk's staff overlay sections. To add a diagnostic (a scanner's
// configuration, a camera…), write a DiagnosticSection (see
// shared/src/ui/staff/diagnostics.tsx) and append it to the list below.
import type { DeviceHandle } from '@vitrine/shared/client';
import {
  DiagnosticLines,
  scannerDiagnostic,
  syncDiagnostic,
  useI18n,
  type DiagnosticSection,
  type ScreenScale,
} from '@vitrine/shared/ui';
import type { KioskConfig } from './kiosk-config';

export const KIOSK_VERSION = '0.2.0';

export function kioskDiagnostics(config: KioskConfig, scale: ScreenScale): DiagnosticSection[] {
  function ScreenLines({ device }: { device: DeviceHandle }) {
    const { t, number } = useI18n();
    const { screen } = scale;
    return (
      <DiagnosticLines
        lines={[
          { label: t.deviceId, value: device.deviceId },
          { label: t.storeId, value: device.storeId },
          { label: t.appVersion, value: KIOSK_VERSION },
          { label: t.place, value: config.place ?? '—' },
          {
            label: t.screenSize,
            value: `${screen.width} × ${screen.height} px · ${number(screen.inches)}″ · ${number(scale.pxPerMm, 2)} px/mm`,
          },
          {
            label: t.textAndTargets,
            value: `${scale.bodyPx} px / ${scale.touchPx} px (${number(scale.touchPx / scale.pxPerMm)} mm)`,
            testId: 'diagnostic-touch',
          },
        ]}
      />
    );
  }
  return [
    syncDiagnostic,
    { id: 'screen', title: { fr: 'Cet écran', en: 'This screen' }, Body: ScreenLines },
    scannerDiagnostic(config),
  ];
}
