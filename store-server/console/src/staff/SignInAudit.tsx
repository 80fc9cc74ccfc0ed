// The manager's view of sign-ins that went wrong: wrong passwords and the
// waits they started, with the device address they came from, newest first.
// A run of failures from one address is someone guessing, not a colleague.
import { useEffect, useState } from 'react';
import type { SignInAuditEntry } from '@vitrine/shared/core';
import { client } from '../common/api';
import { refusal } from '../common/refusal';
import { useText } from './i18n';

export function SignInAudit() {
  const { t, locale } = useText();
  const [entries, setEntries] = useState<SignInAuditEntry[] | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const refresh = () =>
    client.auth.signInAudit({ query: { limit: 50 } }).then(
      (answer) => {
        setEntries(answer.entries);
        setNote(null);
      },
      (caught: unknown) => setNote(refusal(caught, t)),
    );
  useEffect(() => void refresh(), []);

  const time = (iso: string) =>
    new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <section aria-labelledby="sign-in-audit-title" data-testid="sign-in-audit">
      <h2 id="sign-in-audit-title">{t.signIns.title}</h2>
      <p>{t.signIns.intro}</p>
      <button type="button" className="action" onClick={() => void refresh()}>
        {t.signIns.refresh}
      </button>
      {note && <p role="alert">{note}</p>}
      {entries?.length === 0 && <p>{t.signIns.empty}</p>}
      {entries && entries.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.signIns.when}</th>
              <th scope="col">{t.signIns.account}</th>
              <th scope="col">{t.signIns.client}</th>
              <th scope="col">{t.signIns.what}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <tr key={`${entry.at}-${index}`}>
                <td>{time(entry.at)}</td>
                <td>{entry.account}</td>
                <td>{entry.client}</td>
                <td>
                  {entry.event === 'failure'
                    ? t.signIns.failure
                    : t.signIns.locked[entry.event](time(entry.until ?? entry.at))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
