// The layout: zones placed in percent of the screen, each playing one playlist.
import type { Zone } from '../core';
import { nextId, type Draft } from './campaign-draft';
import { useText } from './editor-text';

const BOX = ['x', 'y', 'width', 'height'] as const;

export function LayoutEditor(props: { draft: Draft; onChange: (draft: Draft) => void }) {
  const { t } = useText();
  const { draft } = props;
  const zones = draft.layout.zones;
  const setZones = (next: Zone[]) =>
    props.onChange({ ...draft, layout: { ...draft.layout, zones: next } });
  const setZone = (index: number, patch: Partial<Zone>) =>
    setZones(zones.map((zone, i) => (i === index ? { ...zone, ...patch } : zone)));

  return (
    <fieldset>
      <legend>{t.layout}</legend>
      {zones.map((zone, index) => (
        <div key={index} className="row">
          <label>
            {t.zone}
            <input
              value={zone.id}
              size={10}
              onChange={(e) => setZone(index, { id: e.target.value })}
            />
          </label>
          {BOX.map((field) => (
            <label key={field}>
              {field}
              <input
                type="number"
                step="any"
                value={zone[field]}
                aria-label={`${zone.id} ${field}`}
                onChange={(e) => setZone(index, { [field]: Number(e.target.value) })}
                className="narrow"
              />
            </label>
          ))}
          <label>
            {t.playlist}
            <select
              value={zone.playlistId}
              aria-label={`${zone.id} ${t.playlist}`}
              onChange={(e) => setZone(index, { playlistId: e.target.value })}
            >
              {!draft.playlists.some((playlist) => playlist.id === zone.playlistId) && (
                <option value={zone.playlistId}>{zone.playlistId || '—'}</option>
              )}
              {draft.playlists.map((playlist) => (
                <option key={playlist.id} value={playlist.id}>
                  {playlist.id}
                </option>
              ))}
            </select>
          </label>
          {zones.length > 1 && (
            <button
              type="button"
              className="action"
              onClick={() => setZones(zones.filter((_, i) => i !== index))}
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
          setZones([
            ...zones,
            {
              id: nextId('zone', zones),
              x: 0,
              y: 80,
              width: 100,
              height: 20,
              playlistId: draft.playlists[0]?.id ?? '',
            },
          ])
        }
      >
        {t.addZone}
      </button>
    </fieldset>
  );
}
