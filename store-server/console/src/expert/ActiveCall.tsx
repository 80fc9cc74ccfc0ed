// One call in progress: the expert's own preview, the shopper's media (audio,
// and video if they turned their camera on), the product and what they looked
// at, and product cards to push onto their screen.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CallSummary } from '@vitrine/shared/core';
import { api, ConsoleApiError } from '../common/api';

type Found = { id: string; name: string; brand: string };

function Media(props: {
  stream: MediaStream | null;
  muted: boolean;
  label: string;
  testId: string;
}) {
  const element = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (element.current) element.current.srcObject = props.stream;
  }, [props.stream]);
  return (
    <figure style={{ margin: 0 }}>
      <video
        ref={element}
        data-testid={props.testId}
        autoPlay
        playsInline
        muted={props.muted}
        style={{ width: '18rem', background: '#000' }}
      />
      <figcaption>{props.label}</figcaption>
    </figure>
  );
}

export function ActiveCall(props: {
  call: CallSummary;
  local: MediaStream | null;
  remote: MediaStream | null;
  onEnd: () => void;
}) {
  const { call } = props;
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found[]>([]);
  const [pushed, setPushed] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function search(event: FormEvent) {
    event.preventDefault();
    try {
      setFound(
        (
          await api<{ products: Found[] }>(
            `/experts/products?q=${encodeURIComponent(query.trim())}`,
          )
        ).products,
      );
    } catch (caught) {
      setError(
        caught instanceof ConsoleApiError ? caught.message : 'Réseau indisponible / Network down',
      );
    }
  }

  async function push(productId: string) {
    await api(`/experts/calls/${call.callId}/signal`, { body: { type: 'card', productId } });
    setPushed((current) => [...current, productId]);
  }

  const offerFirst = [
    ...(call.product
      ? [{ id: call.product.id, name: call.product.name, brand: call.product.brand }]
      : []),
    ...call.viewed.map((item) => ({ ...item, brand: '' })),
  ];
  return (
    <section data-testid="active-call">
      <h2>
        En ligne / In call · {call.deviceName} · {call.product?.name ?? '—'}
      </h2>
      <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap' }}>
        <Media stream={props.local} muted label="Moi / Me" testId="local-video" />
        <Media
          stream={props.remote}
          muted={false}
          label="Client / Shopper"
          testId="shopper-media"
        />
      </div>
      <p>
        Vu pendant la visite / Looked at: {call.viewed.map((item) => item.name).join(', ') || '—'}
      </p>
      <form onSubmit={(event) => void search(event)}>
        <input
          aria-label="Produit / Product"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit">Chercher / Search</button>
      </form>
      <ul>
        {[...offerFirst, ...found].map((product, index) => (
          <li key={`${product.id}-${index}`}>
            {product.name} {product.brand}{' '}
            <button
              type="button"
              data-testid="push-card"
              data-product={product.id}
              disabled={pushed.includes(product.id)}
              onClick={() => void push(product.id)}
            >
              Montrer au client / Show the shopper
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={props.onEnd}>
        Raccrocher / Hang up
      </button>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
