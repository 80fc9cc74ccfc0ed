// "Share my look": consent first (the camera is off until then), a countdown,
// a preview to retake or cancel, then the upload and a QR code to the short-
// lived link. Nothing is kept: the canvas is wiped and the camera stopped on
// every way out, including the session reset (unmount).
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import type { DeviceHandle } from '@vitrine/shared/client';
import type { SharedLookCreated } from '@vitrine/shared/core';
import { productPriceText, useI18n, useModalFocus, type Lang } from '@vitrine/shared/ui';
import type { Garment } from '../GarmentList';
import { useMirrorText } from '../mirror-text';
import { openCamera, stopCamera } from './camera-stream';
import { composeLook, loadCardImage, wipeCanvas, type LookCard } from './compose-look';
import { uploadLook } from './upload-look';

type Phase =
  | { name: 'consent' }
  | { name: 'countdown'; left: number }
  | { name: 'preview' }
  | { name: 'uploading' }
  | { name: 'link'; link: SharedLookCreated; qr: string }
  | { name: 'failed'; why: 'camera' | 'upload' };

export function ShareLook(props: {
  device: DeviceHandle;
  garments: Garment[];
  lang: Lang;
  countdownSeconds: number;
  onClose: () => void;
}) {
  const { t: m } = useMirrorText();
  const i18n = useI18n();
  const { lang } = i18n;
  const [phase, setPhase] = useState<Phase>({ name: 'consent' });
  const video = useRef<HTMLVideoElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useModalFocus(dialog, props.onClose);
  const canvas = useRef<HTMLCanvasElement>(null);
  const stream = useRef<MediaStream | undefined>(undefined);
  const cards = useRef<LookCard[]>([]);
  const productIds = [...new Set(props.garments.map((g) => g.productId))];

  const idsKey = productIds.join(',');
  useEffect(() => {
    let live = true;
    void (async () => {
      const found = await props.device.db.products.bulkGet(idsKey.split(','));
      // Priced as each product's page shows it now (a sale or promotion counts).
      const promotions = await props.device.db.promotions.toArray();
      const ready = await Promise.all(
        found.flatMap((p) =>
          p
            ? [
                (async (): Promise<LookCard> => ({
                  name: p.name[lang],
                  brand: p.brand,
                  price: productPriceText(p, promotions, i18n),
                  image: p.images[0]
                    ? await loadCardImage(new URL(p.images[0], props.device.baseUrl).href)
                    : undefined,
                }))(),
              ]
            : [],
        ),
      );
      if (live) cards.current = ready;
    })();
    return () => {
      live = false;
    };
  }, [props.device, idsKey, lang, i18n]);

  // Leaving (cancel, done, reset): camera off, pixels gone.
  useEffect(() => {
    const videoElement = video.current;
    const canvasElement = canvas.current;
    return () => {
      stopCamera(stream.current, videoElement);
      stream.current = undefined;
      wipeCanvas(canvasElement);
    };
  }, []);

  const counting = phase.name === 'countdown';
  useEffect(() => {
    if (!counting || !video.current) return;
    let cancelled = false;
    const element = video.current;
    let timer: ReturnType<typeof setInterval> | undefined;
    openCamera(element).then(
      (opened) => {
        if (cancelled) return stopCamera(opened, element);
        stream.current = opened;
        let left = props.countdownSeconds;
        timer = setInterval(() => {
          left -= 1;
          if (left > 0) return setPhase({ name: 'countdown', left });
          clearInterval(timer);
          if (canvas.current) composeLook(canvas.current, element, cards.current, m.title);
          stopCamera(stream.current, element);
          stream.current = undefined;
          setPhase({ name: 'preview' });
        }, 1_000);
      },
      () => !cancelled && setPhase({ name: 'failed', why: 'camera' }),
    );
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [counting, props.countdownSeconds, m.title]);

  const send = () => {
    const element = canvas.current;
    if (!element) return;
    setPhase({ name: 'uploading' });
    element.toBlob(
      (blob) => {
        if (!blob) return setPhase({ name: 'failed', why: 'upload' });
        void uploadLook(props.device, blob, productIds, lang)
          .then(async (link) => {
            const qr = await QRCode.toDataURL(link.url, { margin: 2, width: 360 });
            wipeCanvas(element);
            setPhase({ name: 'link', link, qr });
          })
          .catch(() => setPhase({ name: 'failed', why: 'upload' }));
      },
      'image/jpeg',
      0.85,
    );
  };

  const expires = (at: string) =>
    new Date(at).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
    });
  return (
    <div
      ref={dialog}
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="share-title"
      tabIndex={-1}
    >
      <div className="dialog share" data-testid="share-dialog" data-phase={phase.name}>
        <h2 id="share-title">{m.share}</h2>
        {phase.name === 'consent' && (
          <>
            <p data-testid="share-consent">{m.consentText}</p>
            <div className="actions">
              <button
                type="button"
                className="primary"
                data-testid="share-agree"
                onClick={() => setPhase({ name: 'countdown', left: props.countdownSeconds })}
              >
                {m.agree}
              </button>
              <button type="button" onClick={props.onClose}>
                {m.cancel}
              </button>
            </div>
          </>
        )}
        <video
          ref={video}
          className={counting ? 'share-video' : 'hidden'}
          playsInline
          muted
          aria-hidden="true"
        />
        {phase.name === 'countdown' && (
          <p className="countdown" aria-live="assertive" data-testid="share-countdown">
            {m.countdown(phase.left)}
          </p>
        )}
        <canvas
          ref={canvas}
          className={phase.name === 'preview' ? 'share-preview' : 'hidden'}
          data-testid="share-preview"
          aria-label={m.preview}
          role="img"
        />
        {phase.name === 'preview' && (
          <div className="actions">
            <button type="button" className="primary" data-testid="share-send" onClick={send}>
              {m.sendToPhone}
            </button>
            <button
              type="button"
              data-testid="share-retake"
              onClick={() => setPhase({ name: 'countdown', left: props.countdownSeconds })}
            >
              {m.retake}
            </button>
            <button type="button" onClick={props.onClose}>
              {m.cancel}
            </button>
          </div>
        )}
        {phase.name === 'uploading' && <p role="status">{m.uploading}</p>}
        {phase.name === 'link' && (
          <>
            <img
              src={phase.qr}
              alt={m.scanQr}
              className="share-qr"
              data-testid="share-qr"
              data-url={phase.link.url}
            />
            <p>{m.scanQr}</p>
            <p>{m.linkExpires(expires(phase.link.expiresAt))}</p>
            <button type="button" className="primary" onClick={props.onClose}>
              {m.done}
            </button>
          </>
        )}
        {phase.name === 'failed' && (
          <>
            <p role="alert">{phase.why === 'camera' ? m.cameraOff : m.shareFailed}</p>
            <button type="button" onClick={props.onClose}>
              {m.cancel}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
