// One playlist item, mounted before its turn (hidden) so it is decoded and
// ready: switching layers is then only a change of visibility, never a blank.
import { useEffect, useRef, useState } from 'react';
import type { PlaylistItem } from '@vitrine/shared/core';
import type { DeviceHandle } from '@vitrine/shared/client';
import type { MediaCache } from './media-cache';
import { ProductCard } from './ProductCard';
import { TickerView } from './TickerView';

const fill = { width: '100%', height: '100%', objectFit: 'contain' as const, display: 'block' };

function CachedMedia(props: {
  item: Extract<PlaylistItem, { kind: 'image' | 'video' }>;
  media: MediaCache;
  active: boolean;
}) {
  const [url, setUrl] = useState<string>();
  const video = useRef<HTMLVideoElement>(null);
  const { sha256 } = props.item.media;
  useEffect(() => {
    let live = true;
    void props.media.objectUrl(sha256).then((next) => live && setUrl(next));
    return () => {
      live = false;
    };
  }, [props.media, sha256]);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    if (props.active) {
      element.currentTime = 0;
      void element.play().catch(() => undefined);
    } else element.pause();
  }, [props.active, url]);
  if (!url) return null;
  if (props.item.kind === 'image')
    return <img src={url} alt="" decoding="sync" style={fill} data-sha256={sha256} />;
  return (
    <video
      ref={video}
      src={url}
      muted
      playsInline
      preload="auto"
      style={fill}
      data-sha256={sha256}
    />
  );
}

export function ItemView(props: {
  item: PlaylistItem;
  media: MediaCache;
  device: DeviceHandle;
  active: boolean;
  lang: 'fr' | 'en';
}) {
  const { item } = props;
  switch (item.kind) {
    case 'image':
    case 'video':
      return <CachedMedia item={item} media={props.media} active={props.active} />;
    case 'web':
      // No scripts, no same-origin access: a web page can never reach the player.
      return <iframe src={item.url} sandbox="" title={item.id} style={{ ...fill, border: 0 }} />;
    case 'product':
      return <ProductCard productId={item.productId} device={props.device} lang={props.lang} />;
    case 'ticker':
      return <TickerView item={item} device={props.device} lang={props.lang} />;
    case 'message': {
      // Both languages, the screen's first: an emergency is for everyone in the store.
      const other = props.lang === 'fr' ? 'en' : 'fr';
      return (
        <div className="message" data-testid="message" role="alert">
          <p lang={props.lang}>{item.text[props.lang]}</p>
          {item.text[other].trim() !== '' && item.text[other] !== item.text[props.lang] && (
            <p lang={other} className="second">
              {item.text[other]}
            </p>
          )}
        </div>
      );
    }
  }
}
