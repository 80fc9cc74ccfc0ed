// The store's people counters: each one's model, last push and what is wrong
// with it, and a form to enrol another (its password is shown once).
import { useEffect, useState, type FormEvent } from 'react';
import type { CounterKind, CounterListing } from '@vitrine/shared/core';
import { client } from '../../common/api';
import { refusal } from '../../common/refusal';
import { useText } from '../i18n';
import { insightsMessages } from './insights-messages';

type Enrolled = { id: string; secret: string; pushPath: string; mqttTopic: string };

export function CountersPanel() {
  const text = useText();
  const t = insightsMessages[text.lang].counters;
  const flagText = insightsMessages[text.lang].flags;
  const [counters, setCounters] = useState<CounterListing[] | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<CounterKind>('axis');
  const [entrance, setEntrance] = useState(true);
  const [enrolled, setEnrolled] = useState<Enrolled | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const refresh = () =>
    client.insights.counters().then(
      (answer) => setCounters(answer.counters),
      (caught: unknown) => setNote(refusal(caught, text.t)),
    );
  useEffect(() => void refresh(), []);

  async function enrol(event: FormEvent) {
    event.preventDefault();
    try {
      setEnrolled(await client.insights.addCounter({ body: { name, kind, entrance } }));
      setName('');
      setNote(null);
      await refresh();
    } catch (caught) {
      setNote(refusal(caught, text.t));
    }
  }
  const time = (iso: string | null) =>
    iso
      ? new Date(iso).toLocaleString(text.locale, { dateStyle: 'short', timeStyle: 'short' })
      : t.never;

  return (
    <section aria-labelledby="counters-title" data-testid="counters">
      <h3 id="counters-title">{t.title}</h3>
      <p>{t.intro}</p>
      {counters?.length === 0 && <p>{t.empty}</p>}
      {counters && counters.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t.name}</th>
              <th>{t.kind}</th>
              <th>{t.lastPush}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {counters.map((counter) => (
              <tr key={counter.id} data-counter-id={counter.id}>
                <td>
                  {counter.name}
                  {counter.entrance && ' ⇥'}
                </td>
                <td>{t.kinds[counter.kind]}</td>
                <td>{time(counter.lastPushAt)}</td>
                <td>{counter.flags.map((flag) => flagText[flag.kind]).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={(event) => void enrol(event)} className="counter-form">
        <label>
          {t.name}{' '}
          <input
            value={name}
            required
            maxLength={80}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label>
          {t.kind}{' '}
          <select value={kind} onChange={(event) => setKind(event.target.value as CounterKind)}>
            {(Object.keys(t.kinds) as CounterKind[]).map((value) => (
              <option key={value} value={value}>
                {t.kinds[value]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={entrance}
            onChange={(event) => setEntrance(event.target.checked)}
          />{' '}
          {t.entrance}
        </label>
        <button type="submit" className="action">
          {t.add}
        </button>
      </form>
      {note && <p role="alert">{note}</p>}
      {enrolled && (
        <div role="status" data-testid="counter-enrolled">
          <p>{t.enrolled}</p>
          <dl>
            <dt>{t.user}</dt>
            <dd>
              <code>{enrolled.id}</code>
            </dd>
            <dt>{t.password}</dt>
            <dd>
              <code>{enrolled.secret}</code>
            </dd>
            <dt>{t.pushUrl}</dt>
            <dd>
              <code>{`${window.location.origin}${enrolled.pushPath}`}</code>
            </dd>
            <dt>{t.mqttTopic}</dt>
            <dd>
              <code>{enrolled.mqttTopic}</code>
            </dd>
          </dl>
        </div>
      )}
    </section>
  );
}
