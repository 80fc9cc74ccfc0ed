// Fleet health: the events the store server refused, per device, with the
// newest reason, so a bad app version is seen instead of its events vanishing.
import { useEffect, useState } from 'react';
import type { RejectedEventsReport } from '@vitrine/shared/core';
import { client } from '../common/api';
import { useText } from './i18n';

const REFRESH_MS = 15_000;

export function RejectedEvents() {
  const { t, locale } = useText();
  const [report, setReport] = useState<RejectedEventsReport | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      client.fleet.rejectedEvents().then(
        (next) => live && setReport(next),
        () => undefined, // the fleet table above already says when the server is unreachable
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  if (!report) return null;
  return (
    <section aria-labelledby="rejected-events-title" data-testid="rejected-events">
      <h2 id="rejected-events-title">{t.refusedTitle}</h2>
      {report.devices.length === 0 ? (
        <p>{t.refusedNone}</p>
      ) : (
        <>
          <p>{t.refusedHint}</p>
          <table>
            <thead>
              <tr>
                <th>{t.refusedDevice}</th>
                <th>{t.refusedCount}</th>
                <th>{t.refusedLast}</th>
                <th>{t.refusedReason}</th>
              </tr>
            </thead>
            <tbody>
              {report.devices.map((device) => (
                <tr key={device.deviceId} data-device={device.deviceId}>
                  <td>
                    <strong>{device.name}</strong>
                    <br />
                    <small>{device.deviceId}</small>
                  </td>
                  <td>{device.count.toLocaleString(locale)}</td>
                  <td>{new Date(device.lastAt).toLocaleString(locale)}</td>
                  <td>
                    <ul>
                      {device.recent.map((line) => (
                        <li key={`${line.eventId ?? 'batch'}-${line.lastAt}`}>
                          <code>{line.eventId ?? t.refusedBatch}</code> {line.reason}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
