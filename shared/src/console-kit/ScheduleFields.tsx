// When and how strongly a campaign plays: dates, weekdays, day parts (a part
// ending before it starts crosses midnight), priority, share of voice,
// emergency and sync group.
import type { DayPart } from '../core';
import type { Draft } from './campaign-draft';
import { useText } from './editor-text';

export function ScheduleFields(props: { draft: Draft; onChange: (draft: Draft) => void }) {
  const { t } = useText();
  const { draft } = props;
  const schedule = draft.schedule;
  const setSchedule = (patch: Partial<Draft['schedule']>) =>
    props.onChange({ ...draft, schedule: { ...schedule, ...patch } });
  const setPart = (index: number, patch: Partial<DayPart>) =>
    setSchedule({
      dayParts: schedule.dayParts.map((part, i) => (i === index ? { ...part, ...patch } : part)),
    });

  return (
    <fieldset>
      <legend>{t.schedule}</legend>
      <div className="row">
        <label>
          {t.startDate}
          <input
            type="date"
            value={schedule.startDate}
            onChange={(e) => setSchedule({ startDate: e.target.value })}
          />
        </label>
        <label>
          {t.endDate}
          <input
            type="date"
            value={schedule.endDate ?? ''}
            onChange={(e) => setSchedule({ endDate: e.target.value || undefined })}
          />
        </label>
      </div>
      <div className="row" role="group" aria-label={t.weekdays.join(' ')}>
        {t.weekdays.map((name, i) => {
          const day = i + 1;
          return (
            <label key={day} className="check">
              <input
                type="checkbox"
                checked={schedule.weekdays.includes(day)}
                onChange={(e) =>
                  setSchedule({
                    weekdays: e.target.checked
                      ? [...schedule.weekdays, day].sort((a, b) => a - b)
                      : schedule.weekdays.filter((d) => d !== day),
                  })
                }
              />
              {name}
            </label>
          );
        })}
      </div>
      <p>{t.dayParts}</p>
      {schedule.dayParts.map((part, index) => (
        <div key={index} className="row">
          <label>
            {t.from}
            <input
              type="time"
              value={part.start}
              onChange={(e) => setPart(index, { start: e.target.value })}
            />
          </label>
          <label>
            {t.to}
            <input
              type="time"
              value={part.end}
              onChange={(e) => setPart(index, { end: e.target.value })}
            />
          </label>
          <button
            type="button"
            className="action"
            onClick={() =>
              setSchedule({ dayParts: schedule.dayParts.filter((_, i) => i !== index) })
            }
          >
            {t.remove}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="action"
        onClick={() =>
          setSchedule({ dayParts: [...schedule.dayParts, { start: '07:00', end: '10:00' }] })
        }
      >
        {t.addDayPart}
      </button>
      <div className="row">
        <label>
          {t.priority}
          <input
            type="number"
            className="narrow"
            value={draft.priority}
            onChange={(e) => props.onChange({ ...draft, priority: Number(e.target.value) })}
          />
        </label>
        <label>
          {t.shareOfVoice}
          <input
            type="number"
            className="narrow"
            value={draft.shareOfVoice}
            onChange={(e) => props.onChange({ ...draft, shareOfVoice: Number(e.target.value) })}
          />
        </label>
        <label>
          {t.syncGroup}
          <input
            value={draft.syncGroup ?? ''}
            onChange={(e) => props.onChange({ ...draft, syncGroup: e.target.value || undefined })}
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.emergency}
            onChange={(e) => props.onChange({ ...draft, emergency: e.target.checked })}
          />
          {t.emergency}
        </label>
      </div>
    </fieldset>
  );
}
