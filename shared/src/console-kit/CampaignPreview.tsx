// The campaign as a screen would lay it out: the same zones and, for a chosen
// moment in the cycle, the item the player's own timeline function
// (positionAt) puts in each zone. On a store, product cards show its live price,
// promotion and stock (the players' pricing, from the server); head office has
// no one store's prices, so its cards name the product. Nothing is cached or verified here.
import { useEffect, useState } from 'react';
import {
  cycleLength,
  isScheduleOn,
  positionAt,
  type PlaylistItem,
  type PreviewCard,
} from '../core';
import type { Draft } from './campaign-draft';
import { useText } from './editor-text';

function ProductPreview(props: { productId: string; card: PreviewCard | undefined }) {
  const { lang, price, t } = useText();
  const { card } = props;
  if (!card) {
    return (
      <div className="preview-card">
        {t.itemKind.product}: {props.productId}
      </div>
    );
  }
  return (
    <div className="preview-card" data-testid="preview-product" data-product-id={card.id}>
      <strong>{card.name[lang]}</strong>
      {card.promotion && <div className="promo">{card.promotion[lang]}</div>}
      <div data-testid="preview-price" data-from={card.from}>
        {card.promotedPriceCents !== null && <s>{price(card.priceCents)}</s>}{' '}
        {/* As the screen says it: "from" when the product's items cost different amounts. */}
        {card.from
          ? t.priceFrom(price(card.promotedPriceCents ?? card.priceCents))
          : price(card.promotedPriceCents ?? card.priceCents)}
      </div>
      {card.stockHere !== null && <div data-testid="preview-stock">{card.stockHere}</div>}
    </div>
  );
}

function PreviewItem(props: {
  item: PlaylistItem;
  cards: Map<string, PreviewCard>;
  mediaUrl: ((sha256: string) => string) | undefined;
}) {
  const { lang, t } = useText();
  const { item, mediaUrl } = props;
  if ((item.kind === 'image' || item.kind === 'video') && item.media.sha256 && !mediaUrl) {
    return (
      <div className="preview-card">
        {t.itemKind[item.kind]} {item.media.sha256.slice(0, 12)}
      </div>
    );
  }
  switch (item.kind) {
    case 'image':
      return item.media.sha256 ? <img src={mediaUrl?.(item.media.sha256)} alt={item.id} /> : null;
    case 'video':
      return item.media.sha256 ? (
        <video src={mediaUrl?.(item.media.sha256)} muted autoPlay loop playsInline />
      ) : null;
    case 'web':
      return <iframe src={item.url} sandbox="" title={item.id} />;
    case 'product':
      return <ProductPreview productId={item.productId} card={props.cards.get(item.productId)} />;
    case 'ticker':
      return <div className="preview-ticker">{item.text[lang]}</div>;
    case 'message':
      return <div className="preview-message">{item.text[lang]}</div>;
  }
}

/** What the preview asks of its server: media addresses and, on a store, priced product cards. */
export type PreviewSource = {
  /** Where a media file can be shown from; without it, the preview names the file. */
  mediaUrl?: (sha256: string) => string;
  previewCards?: (ids: readonly string[]) => Promise<Map<string, PreviewCard>>;
};

export function CampaignPreview(props: { draft: Draft; timeZone: string; source: PreviewSource }) {
  const { t } = useText();
  const { draft } = props;
  const usable = draft.playlists.filter(
    (playlist) => playlist.items.length > 0 && playlist.items.every((item) => item.durationMs > 0),
  );
  const cycle = Math.max(1_000, ...usable.map((playlist) => cycleLength(playlist)));
  const [at, setAt] = useState(0);
  const [cards, setCards] = useState<Map<string, PreviewCard>>(new Map());
  const productIds = [
    ...new Set(
      draft.playlists.flatMap((playlist) =>
        playlist.items.flatMap((item) => (item.kind === 'product' ? [item.productId] : [])),
      ),
    ),
  ]
    .sort()
    .join(',');
  useEffect(() => {
    let live = true;
    const previewCards = props.source.previewCards;
    if (!previewCards) return;
    previewCards(productIds ? productIds.split(',') : [])
      .then((found) => live && setCards(found))
      .catch(() => live && setCards(new Map())); // the preview falls back to product ids
    return () => {
      live = false;
    };
  }, [productIds, props.source.previewCards]);
  let onNow = false;
  try {
    onNow = isScheduleOn(draft.schedule, Date.now(), props.timeZone);
  } catch {
    // An unfinished schedule (empty date while typing) is simply not on.
  }
  return (
    <section className="preview" aria-label={t.preview}>
      <h3>{t.preview}</h3>
      <p>{onNow ? t.onNow(props.timeZone) : t.offNow(props.timeZone)}</p>
      <label>
        {t.previewAt} ({Math.round(Math.min(at, cycle) / 1000)} s)
        <input
          type="range"
          min={0}
          max={cycle - 1}
          step={500}
          value={Math.min(at, cycle - 1)}
          onChange={(e) => setAt(Number(e.target.value))}
        />
      </label>
      <div className="preview-screen" data-testid="campaign-preview">
        {draft.layout.zones.map((zone, index) => {
          const playlist = usable.find((entry) => entry.id === zone.playlistId);
          const position = playlist ? positionAt(playlist, 0, at) : null;
          return (
            <div
              key={index}
              className="preview-zone"
              data-zone={zone.id}
              data-item={position?.item.id ?? ''}
              style={{
                left: `${zone.x}%`,
                top: `${zone.y}%`,
                width: `${zone.width}%`,
                height: `${zone.height}%`,
              }}
            >
              {position && (
                <PreviewItem item={position.item} cards={cards} mediaUrl={props.source.mediaUrl} />
              )}
            </div>
          );
        })}
      </div>
      <p className="hint">{props.source.previewCards ? t.previewNote : t.previewNoteChain}</p>
    </section>
  );
}
