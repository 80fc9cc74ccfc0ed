// Scans with the tablet's camera (the kiosk's scanner, decoding off the UI
// thread) for fields that a wedge scanner can also type into.
import { Camera } from 'lucide-react';
import { useState } from 'react';
import { CameraPanel } from '@vitrine/shared/ui/scan';
import { useText } from './i18n';

export function ScanButton(props: {
  accept: 'product' | 'loyalty-card';
  onCode: (code: string) => void;
  testId: string;
}) {
  const { t } = useText();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button
        type="button"
        className="action"
        data-testid={props.testId}
        onClick={() => setOpen(true)}
      >
        <Camera className="icon" aria-hidden="true" /> {t.scan}
      </button>
    );
  }
  return (
    <CameraPanel
      onClose={() => setOpen(false)}
      onReading={(reading) => {
        if (reading.kind === 'product' && props.accept === 'product') props.onCode(reading.gtin);
        else if (reading.kind === 'loyalty-card' && props.accept === 'loyalty-card')
          props.onCode(reading.code);
        else return;
        setOpen(false);
      }}
    />
  );
}
