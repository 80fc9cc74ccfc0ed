// One call in progress: the expert's own preview, the shopper's media (audio,
// and video if they turned their camera on), the product and what they looked
// at, and product cards to push onto their screen.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CallSummary, ExpertProductHit } from '@vitrine/shared/core';
import { client } from '../common/api';
import { refusal } from '../common/refusal';
import { CallTranscript } from './CallTranscript';
import { useText } from './i18n';

function Media(props: {
  stream: MediaStream | null;
  muted: boolean;
  label: string;
  testId: string;
  className: string;
}) {
  const element = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (element.current) element.current.srcObject = props.stream;
  }, [props.stream]);
  return (
    <figure className={props.className}>
      <video ref={element} data-testid={props.testId} autoPlay playsInline muted={props.muted} />
      <figcaption>{props.label}</figcaption>
    </figure>
  );
}

/** Whether the stream's video is flowing (the shopper's camera is optional and off at first). */
function useLiveVideo(stream: MediaStream | null): boolean {
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!stream) return setLive(false);
    const check = () =>
      setLive(stream.getVideoTracks().some((t) => t.readyState === 'live' && !t.muted));
    const watched = new Set<MediaStreamTrack>();
    const watch = () => {
      for (const track of stream.getVideoTracks()) {
        if (watched.has(track)) continue;
        watched.add(track);
        track.addEventListener('mute', check);
        track.addEventListener('unmute', check);
        track.addEventListener('ended', check);
      }
      check();
    };
    watch();
    stream.addEventListener('addtrack', watch);
    return () => {
      stream.removeEventListener('addtrack', watch);
      for (const track of watched) {
        track.removeEventListener('mute', check);
        track.removeEventListener('unmute', check);
        track.removeEventListener('ended', check);
      }
    };
  }, [stream]);
  return live;
}

export function ActiveCall(props: {
  call: CallSummary;
  local: MediaStream | null;
  remote: MediaStream | null;
  onEnd: () => void;
}) {
  const { call } = props;
  const { t, price } = useText();
  const shopperVideo = useLiveVideo(props.remote);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ExpertProductHit[]>([]);
  const [pushed, setPushed] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function search(event: FormEvent) {
    event.preventDefault();
    try {
      setFound((await client.experts.products({ query: { q: query.trim() } })).products);
    } catch (caught) {
      setError(refusal(caught, t));
    }
  }

  async function push(productId: string) {
    await client.experts.signal({
      params: { id: call.callId },
      body: { type: 'card', productId },
    });
    setPushed((current) => [...current, productId]);
  }

  const offerFirst = [
    ...(call.product
      ? [{ id: call.product.id, name: call.product.name, brand: call.product.brand }]
      : []),
    ...call.viewed.map((item) => ({ ...item, brand: '' })),
  ];
  return (
    <section className="card active-call" data-testid="active-call" aria-labelledby="call-title">
      <div className="call-head">
        <h2 id="call-title">
          <span className="live" aria-hidden="true" /> {t.inCall} · {call.deviceName}
        </h2>
        <button type="button" className="danger" onClick={props.onEnd}>
          {t.hangUp}
        </button>
      </div>
      <div className="call-media" data-shopper-video={shopperVideo}>
        {!shopperVideo && <p className="no-video">{t.shopperCameraOff}</p>}
        <Media
          stream={props.remote}
          muted={false}
          label={t.shopper}
          testId="shopper-media"
          className="remote"
        />
        <Media stream={props.local} muted label={t.me} testId="local-video" className="local" />
      </div>
      <div className="call-context">
        <p>
          <strong>{call.product?.name ?? '—'}</strong>
          {call.product && ` · ${call.product.brand} · ${price(call.product.priceCents)}`}
        </p>
        <p className="meta">
          {t.lookedAtDuringVisit(call.viewed.map((item) => item.name).join(', ') || '—')}
        </p>
        <CallTranscript call={call} />
      </div>
      <h3>{t.showProduct}</h3>
      <form className="search" onSubmit={(event) => void search(event)}>
        <input
          aria-label={t.product}
          placeholder={t.nameOrBarcode}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit" className="secondary">
          {t.search}
        </button>
      </form>
      <ul className="products">
        {[...offerFirst, ...found].map((product, index) => {
          const shown = pushed.includes(product.id);
          return (
            <li key={`${product.id}-${index}`}>
              <span>
                {product.name}
                {product.brand && <small> · {product.brand}</small>}
              </span>
              <button
                type="button"
                className={shown ? 'secondary' : 'primary'}
                data-testid="push-card"
                data-product={product.id}
                disabled={shown}
                onClick={() => void push(product.id)}
              >
                {shown ? t.shown : t.showShopper}
              </button>
            </li>
          );
        })}
      </ul>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
