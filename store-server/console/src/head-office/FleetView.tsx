// Every screen of the store: online or offline (broker presence), what it
// shows, its cache, app version, last heartbeat, and an alert once it has
// been offline longer than the chosen number of minutes. Refreshed every 5 s.
import { useEffect, useState } from 'react';
import type { ScreenView } from '@vitrine/shared/core';
import { ApiCallError, client } from '../common/api';
import { useText } from './i18n';
import { RejectedEvents } from './RejectedEvents';
import { ScreenActions } from './ScreenActions';
import { ScreenSettings } from './ScreenSettings';

const REFRESH_MS = 5_000;

export function FleetView(props: {
  canReload: boolean;
  campaignNames: ReadonlyMap<string, string>;
}) {
  const { t, locale } = useText();
  const campaignName = (id: string | null | undefined) =>
    id ? (props.campaignNames.get(id) ?? id) : '?';
  const [alertMin, setAlertMin] = useState(5);
  const [screens, setScreens] = useState<ScreenView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(0);
  useEffect(() => {
    let live = true;
    const load = () =>
      client.fleet.list({ query: { offlineAlertMin: alertMin } }).then(
        (fleet) => {
          if (!live) return;
          setScreens(fleet.screens);
          setError(null);
        },
        (caught: unknown) =>
          live && setError(caught instanceof ApiCallError ? caught.message : t.unreachable),
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [alertMin, t, saved]);
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : '—');

  return (
    <section>
      <label>
        {t.alertAfter}{' '}
        <input
          type="number"
          min={1}
          max={1440}
          className="narrow"
          value={alertMin}
          onChange={(e) => setAlertMin(Math.min(1440, Math.max(1, Number(e.target.value) || 1)))}
        />
      </label>
      {error && <p role="alert">{error}</p>}
      {screens?.length === 0 && <p>{t.noScreens}</p>}
      {screens && screens.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t.screen}</th>
              <th>{t.showing}</th>
              <th>{t.cache}</th>
              <th>{t.appVersion}</th>
              <th>{t.lastHeartbeat}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {screens.map((screen) => {
              const beat = screen.heartbeat;
              return (
                <tr
                  key={screen.deviceId}
                  data-screen={screen.deviceId}
                  data-online={screen.online}
                  className={screen.alert ? 'alert' : undefined}
                >
                  <td>
                    <strong>{screen.name}</strong>
                    <br />
                    <span className={screen.online ? 'online' : 'offline'}>
                      {screen.online ? t.online : t.offline}
                    </span>
                    {screen.alert && <strong role="alert"> {t.offlineAlert}</strong>}
                    {props.canReload && (
                      <ScreenSettings screen={screen} onSaved={() => setSaved((n) => n + 1)} />
                    )}
                  </td>
                  <td>
                    {!beat
                      ? '—'
                      : beat.showing.mode === 'default'
                        ? t.defaultScreen
                        : `${campaignName(beat.showing.campaignId)} (${t.showingMode[beat.showing.mode]}, ${t.revision} ${beat.showing.revision ?? '?'})`}
                  </td>
                  <td>{beat ? t.cacheState(beat.cache.ready, beat.cache.missing) : '—'}</td>
                  <td>{beat?.appVersion ?? '—'}</td>
                  <td>{when(screen.lastHeartbeat)}</td>
                  <td>
                    <ScreenActions deviceId={screen.deviceId} canReload={props.canReload} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <RejectedEvents />
    </section>
  );
}
