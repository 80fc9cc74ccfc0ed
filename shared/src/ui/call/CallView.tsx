// During the call: the expert's video (or an audio-only notice), hang up,
// the shopper's optional camera, and the product cards the expert pushes
// (a tap opens the product; the call goes on).
import { useEffect, useRef, useState } from 'react';
import type { DeviceHandle } from '../../client';
import type { Product, Promotion } from '../../core';
import { useI18n } from '../i18n/i18n';
import { productPriceText } from '../product/price-text';
import { ProductImage } from '../product/ProductImage';
import { callText, type Lang } from './call-text';
import type { ExpertLine } from './use-expert-line';

function PushedCard(props: {
  device: DeviceHandle;
  productId: string;
  lang: Lang;
  onOpen?: (productId: string) => void;
}) {
  const [found, setFound] = useState<{ product: Product; promotions: Promotion[] } | undefined>();
  // The session's provider knows the store's currency.
  const i18n = useI18n();
  useEffect(() => {
    const { db } = props.device;
    void Promise.all([db.products.get(props.productId), db.promotions.toArray()]).then(
      ([product, promotions]) => setFound(product && { product, promotions }),
    );
  }, [props.device, props.productId]);
  if (!found) return null;
  const { product } = found;
  // The price its product page shows now (a sale or promotion counts).
  const price = productPriceText(product, found.promotions, i18n);
  const image = product.images[0];
  const body = (
    <>
      <ProductImage
        src={image && new URL(image, props.device.baseUrl).href}
        sizes="72px"
        style={{ width: 72, height: 72, objectFit: 'cover', borderRadius: 8, flex: 'none' }}
      />
      <span>
        <strong>{product.name[props.lang]}</strong>
        <br />
        {[product.brand, price].filter(Boolean).join(' · ')}
      </span>
    </>
  );
  const { onOpen } = props;
  const layout = {
    display: 'flex',
    gap: '0.75rem',
    alignItems: 'center',
    textAlign: 'left',
  } as const;
  return (
    <li data-testid="pushed-card" data-product={product.id}>
      {onOpen ? (
        <button
          type="button"
          className="pushed-card"
          style={layout}
          onClick={() => onOpen(product.id)}
        >
          {body}
          <span style={{ marginLeft: 'auto', fontWeight: 600 }}>
            {callText('open', props.lang)} <span aria-hidden="true">›</span>
          </span>
        </button>
      ) : (
        <span className="pushed-card" style={layout}>
          {body}
        </span>
      )}
    </li>
  );
}

export function CallView(props: {
  line: ExpertLine;
  device: DeviceHandle;
  expertName: string;
  lang: Lang;
  onOpenProduct?: (productId: string) => void;
}) {
  const { line, lang } = props;
  const video = useRef<HTMLVideoElement>(null);
  const hasVideo =
    line.remoteStream?.getVideoTracks().some((track) => track.readyState === 'live') ?? false;
  useEffect(() => {
    if (video.current && line.remoteStream) {
      video.current.srcObject = line.remoteStream;
      void video.current.play().catch(() => undefined);
    }
  }, [line.remoteStream, hasVideo]);
  return (
    <section data-testid="call-view" data-mode={hasVideo ? 'video' : 'audio-only'}>
      <p>
        {callText('with', lang)} {props.expertName}
      </p>
      <video
        ref={video}
        data-testid="expert-video"
        autoPlay
        playsInline
        style={{ width: '100%', maxHeight: '50vh', background: '#000' }}
        hidden={!hasVideo}
      />
      {!hasVideo && <p>{callText('audioOnly', lang)}</p>}
      <button
        type="button"
        onClick={() => void line.setCamera(!line.cameraOn)}
        aria-pressed={line.cameraOn}
      >
        {callText(line.cameraOn ? 'cameraOff' : 'cameraOn', lang)}
      </button>{' '}
      <button type="button" onClick={() => void line.hangUp()}>
        {callText('hangUp', lang)}
      </button>
      {line.cards.length > 0 && (
        <ul
          className="pushed-cards"
          aria-label={callText('pushed', lang)}
          style={{ listStyle: 'none', padding: 0, display: 'grid', gap: '0.5rem' }}
        >
          {line.cards.map((id) => (
            <PushedCard
              key={id}
              device={props.device}
              productId={id}
              lang={lang}
              onOpen={props.onOpenProduct}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
