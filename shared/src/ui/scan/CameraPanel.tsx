// The camera scanner on screen: opens the camera, decodes off the UI thread,
// and stops every camera track when it closes (unmount included).
import { useEffect, useRef, useState } from 'react';
import { CameraScanner, ZxingWorkerDecoder, type ScanReading } from '../../scan';
import { useI18n } from '../i18n/i18n';

export function CameraPanel(props: {
  onReading: (reading: ScanReading) => void;
  onClose: () => void;
  onFrame?: (stats: { decodeMs: number; read: boolean }) => void;
}) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const onReading = useRef(props.onReading);
  onReading.current = props.onReading;
  const onFrame = useRef(props.onFrame);
  onFrame.current = props.onFrame;

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const decoder = new ZxingWorkerDecoder();
    const scanner = new CameraScanner({
      decoder,
      maxFps: 10,
      onReading: (reading) => onReading.current(reading),
      onFrame: (stats) => onFrame.current?.(stats),
    });
    scanner.start(element).catch(() => setFailed(true));
    return () => {
      scanner.stop();
      decoder.dispose();
    };
  }, []);

  return (
    <section className="panel camera" aria-label={t.camera} data-testid="camera">
      {failed ? (
        <p role="alert">{t.cameraUnavailable}</p>
      ) : (
        <>
          <video ref={video} className="camera-video" playsInline muted aria-hidden="true" />
          <p>{t.cameraHint}</p>
        </>
      )}
      <button type="button" onClick={props.onClose}>
        {t.closeCamera}
      </button>
    </section>
  );
}
