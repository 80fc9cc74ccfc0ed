// Playlists and their items, in order; each item has a kind and a duration.
import type { MediaRow, Playlist, PlaylistItem } from '../core';
import { ITEM_KINDS, newItem, nextId, type Draft, type ItemKind } from './campaign-draft';
import { useText } from './editor-text';
import { PlaylistItemFields } from './PlaylistItemFields';

export function PlaylistEditor(props: {
  draft: Draft;
  media: MediaRow[];
  onChange: (draft: Draft) => void;
}) {
  const { t } = useText();
  const { draft } = props;
  const setPlaylists = (playlists: Playlist[]) => props.onChange({ ...draft, playlists });
  const setPlaylist = (index: number, playlist: Playlist) =>
    setPlaylists(draft.playlists.map((entry, i) => (i === index ? playlist : entry)));
  const setItem = (playlist: Playlist, index: number, item: PlaylistItem) =>
    playlist.items.map((entry, i) => (i === index ? item : entry));

  return (
    <fieldset>
      <legend>{t.playlists}</legend>
      {draft.playlists.map((playlist, p) => (
        <div key={p} className="playlist">
          <label>
            {t.playlist}
            <input
              value={playlist.id}
              size={10}
              onChange={(e) => setPlaylist(p, { ...playlist, id: e.target.value })}
            />
          </label>
          <ol>
            {playlist.items.map((item, i) => (
              <li key={i} className="row">
                <select
                  aria-label={`${playlist.id} ${i + 1}`}
                  value={item.kind}
                  onChange={(e) => {
                    const kind = e.target.value as ItemKind;
                    const next = newItem(kind, item.id, item);
                    setPlaylist(p, { ...playlist, items: setItem(playlist, i, next) });
                  }}
                >
                  {ITEM_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t.itemKind[kind]}
                    </option>
                  ))}
                </select>
                <label>
                  {t.durationS}
                  <input
                    type="number"
                    min={1}
                    className="narrow"
                    value={item.durationMs / 1000}
                    onChange={(e) =>
                      setPlaylist(p, {
                        ...playlist,
                        items: setItem(playlist, i, {
                          ...item,
                          durationMs: Math.round(Number(e.target.value) * 1000),
                        }),
                      })
                    }
                  />
                </label>
                <PlaylistItemFields
                  item={item}
                  media={props.media}
                  onChange={(next) =>
                    setPlaylist(p, { ...playlist, items: setItem(playlist, i, next) })
                  }
                />
                {playlist.items.length > 1 && (
                  <button
                    type="button"
                    className="action"
                    onClick={() =>
                      setPlaylist(p, {
                        ...playlist,
                        items: playlist.items.filter((_, k) => k !== i),
                      })
                    }
                  >
                    {t.remove}
                  </button>
                )}
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="action"
            onClick={() =>
              setPlaylist(p, {
                ...playlist,
                items: [...playlist.items, newItem('image', nextId('item', playlist.items))],
              })
            }
          >
            {t.addItem}
          </button>
          {draft.playlists.length > 1 && (
            <button
              type="button"
              className="action"
              onClick={() => setPlaylists(draft.playlists.filter((_, k) => k !== p))}
            >
              {t.remove}
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        className="action"
        onClick={() =>
          setPlaylists([
            ...draft.playlists,
            { id: nextId('playlist', draft.playlists), items: [newItem('ticker', 'item')] },
          ])
        }
      >
        {t.addPlaylist}
      </button>
    </fieldset>
  );
}
