// Pairs each measuring station (body scanner) with the mirror of one fitting
// room: the station may then publish measurements to that mirror only.
import { useEffect, useState } from 'react';
import type { MeasuringStationList } from '@vitrine/shared/core';
import { client } from '../common/api';
import { refusal } from '../common/refusal';
import { useText } from './i18n';

type Stations = {
  stations: MeasuringStationList['stations'];
  mirrors: MeasuringStationList['mirrors'];
};

export function StationPairing(props: { refreshKey: number }) {
  const { t } = useText();
  const [list, setList] = useState<Stations>({ stations: [], mirrors: [] });
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [note, setNote] = useState<string | null>(null);

  const refresh = () =>
    client.sizing.stations().then(
      (answer) => setList(answer),
      () => setList({ stations: [], mirrors: [] }),
    );
  useEffect(() => void refresh(), [props.refreshKey]);

  const mirrorName = (id: string | null) =>
    list.mirrors.find((mirror) => mirror.id === id)?.name ?? id;

  async function pair(stationId: string, mirrorId: string | null) {
    try {
      await client.sizing.pairStation({ params: { stationId }, body: { mirrorId } });
      setNote(mirrorId ? t.paired(mirrorName(mirrorId) ?? mirrorId) : t.unpaired);
      await refresh();
    } catch (caught) {
      setNote(refusal(caught, t));
    }
  }

  if (list.stations.length === 0) return null;
  return (
    <section data-testid="measuring-stations">
      <h2>{t.measuringStations}</h2>
      {note && (
        <p aria-live="polite" data-testid="station-note">
          {note}
        </p>
      )}
      <ul>
        {list.stations.map((station) => {
          const selected = choice[station.stationId] ?? station.mirrorId ?? '';
          return (
            <li key={station.stationId} data-testid="station" data-station={station.stationId}>
              <strong>{station.name}</strong> ·{' '}
              {station.status === 'active' ? '' : `${t.pending} · `}
              {station.topic ? `→ ${mirrorName(station.mirrorId)}` : t.notPaired}
              {station.status === 'active' && (
                <span className="row">
                  <select
                    aria-label={t.roomFor(station.name)}
                    value={selected}
                    onChange={(event) =>
                      setChoice({ ...choice, [station.stationId]: event.target.value })
                    }
                  >
                    <option value="">{t.noRoom}</option>
                    {list.mirrors.map((mirror) => (
                      <option key={mirror.id} value={mirror.id}>
                        {mirror.name}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="action"
                    onClick={() => void pair(station.stationId, selected || null)}
                  >
                    {t.pair}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
