// The camera scanner on screen: opens the camera, decodes off the UI thread
// (zxing-wasm unless the device is set to zxing-js), and stops every camera
// track when it closes (unmount included).
import { useEffect, useRef, useState } from 'react';
import {
  CameraScanner,
  usableDecoder,
  WorkerDecoder,
  type DecoderKind,
  type ScanReading,
} from '../../scan';
import { useI18n } from '../i18n/i18n';

export function CameraPanel(props: {
  onReading: (reading: ScanReading) => void;
  onClose: () => void;
  onFrame?: (stats: { decodeMs: number; read: boolean }) => void;
  decoder?: DecoderKind;
  /** The device's catalogue: a GTIN it lacks needs one more agreeing frame before it opens. */
  isKnownGtin?: (gtin14: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const onReading = useRef(props.onReading);
  onReading.current = props.onReading;
  const onFrame = useRef(props.onFrame);
  onFrame.current = props.onFrame;
  const isKnownGtin = useRef(props.isKnownGtin);
  isKnownGtin.current = props.isKnownGtin;
  const decoderKind = props.decoder ?? 'zxing-wasm';
  // The decoder in use, shown to support: zxing-js once WebAssembly was refused.
  const [activeDecoder, setActiveDecoder] = useState(() => usableDecoder(decoderKind));

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const decoder = new WorkerDecoder(decoderKind, () => setActiveDecoder('zxing-js'));
    const scanner = new CameraScanner({
      decoder,
      maxFps: 10,
      // With no catalogue to ask (the staff console), every GTIN counts as known.
      isKnownGtin: (gtin14) => isKnownGtin.current?.(gtin14) ?? Promise.resolve(true),
      onReading: (reading) => onReading.current(reading),
      onFrame: (stats) => onFrame.current?.(stats),
    });
    scanner.start(element).catch(() => setFailed(true));
    return () => {
      scanner.stop();
      decoder.dispose();
    };
  }, [decoderKind]);

  return (
    <section
      className="panel camera"
      aria-label={t.camera}
      data-testid="camera"
      data-decoder={activeDecoder}
    >
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
