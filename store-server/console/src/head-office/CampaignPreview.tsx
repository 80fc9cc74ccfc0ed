// The campaign as a screen would lay it out: the same zones and, for a chosen
// moment in the cycle, the item the player's own timeline function
// (positionAt) puts in each zone. Simplified: products show their id, not the
// store's live price and stock, and nothing is cached or verified here.
import { useState } from 'react';
import { cycleLength, isScheduleOn, positionAt, type PlaylistItem } from '@vitrine/shared/core';
import { mediaUrl, type Draft } from './head-office-api';
import { useText } from './i18n';

function PreviewItem(props: { item: PlaylistItem }) {
  const { lang, t } = useText();
  const { item } = props;
  switch (item.kind) {
    case 'image':
      return item.media.sha256 ? <img src={mediaUrl(item.media.sha256)} alt={item.id} /> : null;
    case 'video':
      return item.media.sha256 ? (
        <video src={mediaUrl(item.media.sha256)} muted autoPlay loop playsInline />
      ) : null;
    case 'web':
      return <iframe src={item.url} sandbox="" title={item.id} />;
    case 'product':
      return (
        <div className="preview-card">
          {t.itemKind.product}: {item.productId}
        </div>
      );
    case 'ticker':
      return <div className="preview-ticker">{item.text[lang]}</div>;
  }
}

export function CampaignPreview(props: { draft: Draft; timeZone: string }) {
  const { t } = useText();
  const { draft } = props;
  const usable = draft.playlists.filter(
    (playlist) => playlist.items.length > 0 && playlist.items.every((item) => item.durationMs > 0),
  );
  const cycle = Math.max(1_000, ...usable.map((playlist) => cycleLength(playlist)));
  const [at, setAt] = useState(0);
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
              {position && <PreviewItem item={position.item} />}
            </div>
          );
        })}
      </div>
      <p className="hint">{t.previewNote}</p>
    </section>
  );
}
