// The staffing plan, a week of hours: how many people the manager plans on the floor each hour,
// beside the visitors that hour brought on average over the last weeks. The hours that most need
// another person are marked. Saving replaces the whole plan (PUT /insights/staffing-plan).
import { useEffect, useState } from 'react';
import type { PlannedHour, StaffingHints } from '@vitrine/shared/core';
import { client } from '../../common/api';
import { refusal } from '../../common/refusal';
import { useText } from '../i18n';
import { insightsMessages } from './insights-messages';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const key = (weekday: number, hour: number) => `${weekday}-${hour}`;

/** The hours shown: the store's usual day (8:00–20:00) widened to every hour with counts or staff. */
function hoursShown(hints: StaffingHints): number[] {
  const seen = hints.hours.map((hour) => hour.hour);
  const first = Math.min(8, ...seen);
  const last = Math.max(19, ...seen);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export function StaffingPlanEditor(props: { hints: StaffingHints; onSaved: () => void }) {
  const text = useText();
  const t = insightsMessages[text.lang].plan;
  const [staff, setStaff] = useState<Record<string, string>>({});
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    setStaff(
      Object.fromEntries(
        props.hints.hours.map((hour) => [key(hour.weekday, hour.hour), String(hour.staff)]),
      ),
    );
  }, [props.hints]);
  const visitors = new Map(
    props.hints.hours.map((hour) => [key(hour.weekday, hour.hour), hour.visitors]),
  );
  const needMore = new Set(props.hints.needMore.map((hour) => key(hour.weekday, hour.hour)));
  const weekday = (day: number) =>
    new Date(Date.UTC(2024, 0, day)).toLocaleDateString(text.locale, {
      weekday: 'short',
      timeZone: 'UTC',
    });

  async function save() {
    const hours: PlannedHour[] = [];
    for (const [at, value] of Object.entries(staff)) {
      const count = Number(value);
      if (value.trim() === '' || count === 0) continue;
      if (!Number.isInteger(count) || count < 0 || count > 200) {
        setNote(t.invalid);
        return;
      }
      const [day, hour] = at.split('-').map(Number) as [number, number];
      hours.push({ weekday: day, hour, staff: count });
    }
    try {
      await client.insights.setStaffingPlan({ body: { hours } });
      setNote(t.saved);
      props.onSaved();
    } catch (caught) {
      setNote(refusal(caught, text.t));
    }
  }

  return (
    <details className="staffing-plan" data-testid="staffing-plan">
      <summary>{t.title}</summary>
      <p>{t.intro(props.hints.weeks)}</p>
      <table>
        <thead>
          <tr>
            <th>{t.hour}</th>
            {WEEKDAYS.map((day) => (
              <th key={day}>{weekday(day)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {hoursShown(props.hints).map((hour) => (
            <tr key={hour}>
              <th scope="row">{t.hourLabel(hour)}</th>
              {WEEKDAYS.map((day) => {
                const at = key(day, hour);
                const average = visitors.get(at) ?? 0;
                return (
                  <td key={at} className={needMore.has(at) ? 'needs-more' : undefined}>
                    <input
                      type="number"
                      min={0}
                      max={200}
                      inputMode="numeric"
                      aria-label={t.cell(weekday(day), hour)}
                      value={staff[at] ?? ''}
                      placeholder="0"
                      onChange={(event) => setStaff({ ...staff, [at]: event.target.value })}
                    />
                    <small>{t.visitors(average)}</small>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="action" onClick={() => void save()}>
        {t.save}
      </button>
      {note && <p role="status">{note}</p>}
    </details>
  );
}
