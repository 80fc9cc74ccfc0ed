// The fields of one playlist item, by kind: a media file from the library, a
// web address, a product id or the ticker's two texts.
import type { MediaRow, PlaylistItem } from '../core';
import { useText } from './editor-text';

export function PlaylistItemFields(props: {
  item: PlaylistItem;
  media: MediaRow[];
  onChange: (item: PlaylistItem) => void;
}) {
  const { t } = useText();
  const { item, onChange } = props;
  switch (item.kind) {
    case 'image':
    case 'video': {
      const choices = props.media.filter((row) => row.type.startsWith(item.kind));
      return (
        <label>
          {t.mediaFile}
          <select
            value={item.media.sha256}
            onChange={(e) => {
              const row = choices.find((choice) => choice.sha256 === e.target.value);
              if (row)
                onChange({
                  ...item,
                  media: { sha256: row.sha256, type: row.type, size: row.size },
                });
            }}
          >
            <option value="">{t.chooseMedia}</option>
            {choices.map((row) => (
              <option key={row.sha256} value={row.sha256}>
                {row.name} ({row.sha256.slice(0, 8)})
              </option>
            ))}
          </select>
        </label>
      );
    }
    case 'web':
      return (
        <label>
          {t.url}
          <input
            type="url"
            value={item.url}
            size={32}
            onChange={(e) => onChange({ ...item, url: e.target.value })}
          />
        </label>
      );
    case 'product':
      return (
        <label>
          {t.productId}
          <input
            value={item.productId}
            onChange={(e) => onChange({ ...item, productId: e.target.value })}
          />
        </label>
      );
    case 'ticker':
    case 'message':
      return (
        <>
          <label>
            {t.tickerFr}
            <input
              value={item.text.fr}
              size={24}
              onChange={(e) => onChange({ ...item, text: { ...item.text, fr: e.target.value } })}
            />
          </label>
          <label>
            {t.tickerEn}
            <input
              value={item.text.en}
              size={24}
              onChange={(e) => onChange({ ...item, text: { ...item.text, en: e.target.value } })}
            />
          </label>
          {item.kind === 'ticker' && (
            <label>
              <input
                type="checkbox"
                checked={item.promotions === true}
                onChange={(e) => onChange({ ...item, promotions: e.target.checked })}
              />{' '}
              {t.tickerPromotions}
            </label>
          )}
        </>
      );
  }
}
