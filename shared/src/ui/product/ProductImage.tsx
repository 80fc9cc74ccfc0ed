// One product picture, resolved against the store server that serves media
// (a context, so lists and tiles need not pass it along). A missing or broken
// picture leaves a quiet placeholder of the same size, never a broken icon.
import { createContext, useContext, useState, type CSSProperties, type ReactNode } from 'react';
import { catalogueImageSrcSet } from '../../core';

const MediaBase = createContext<string | undefined>(undefined);

export function MediaBaseProvider(props: { baseUrl: string; children: ReactNode }) {
  return <MediaBase.Provider value={props.baseUrl}>{props.children}</MediaBase.Provider>;
}

export function ProductImage(props: {
  src: string | undefined;
  alt?: string;
  className?: string;
  /** How wide the picture shows (CSS `sizes`): the browser picks a catalogue image's width by it. */
  sizes?: string;
  /** Load at once (a signage card about to show), not when scrolled near. */
  eager?: boolean;
  /** For a card drawn without a style sheet of its own (the call's pushed cards). */
  style?: CSSProperties;
}) {
  const base = useContext(MediaBase) ?? globalThis.location?.href;
  const [failed, setFailed] = useState<string | undefined>(undefined);
  const className = `product-image ${props.className ?? ''}`.trim();
  if (!props.src || !base || failed === props.src)
    return (
      <span className={`${className} product-image--none`} style={props.style} aria-hidden="true" />
    );
  const src = new URL(props.src, base).href;
  const srcSet = catalogueImageSrcSet(src);
  return (
    <img
      className={className}
      style={props.style}
      src={src}
      {...(srcSet ? { srcSet, sizes: props.sizes ?? '100vw' } : {})}
      alt={props.alt ?? ''}
      loading={props.eager ? 'eager' : 'lazy'}
      decoding="async"
      onError={() => setFailed(props.src)}
    />
  );
}
