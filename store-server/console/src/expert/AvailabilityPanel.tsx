// What this expert offers: available or not (a switch), the skills shoppers
// can call them for, and auto-answer.
import { EXPERT_SKILLS, type ExpertSkill } from '@vitrine/shared/core';
import { useText } from './i18n';

export function AvailabilityPanel(props: {
  skills: ExpertSkill[];
  available: boolean;
  autoAnswer: boolean;
  onChange: (skills: ExpertSkill[], available: boolean) => void;
  onAutoAnswer: (on: boolean) => void;
}) {
  const { skills, available } = props;
  const { t } = useText();
  return (
    <section className="card availability" aria-labelledby="availability-title">
      <h2 id="availability-title">{t.availability}</h2>
      <label className={`switch ${available ? 'on' : ''}`}>
        <input
          type="checkbox"
          role="switch"
          data-testid="available"
          checked={available}
          onChange={(event) => props.onChange(skills, event.target.checked)}
        />
        <span className="track" aria-hidden="true">
          <span className="thumb" />
        </span>
        {t.available}
      </label>
      <fieldset className="skills">
        <legend>{t.skillsLegend}</legend>
        {EXPERT_SKILLS.map((skill) => (
          <label key={skill} className={`chip ${skills.includes(skill) ? 'on' : ''}`}>
            <input
              type="checkbox"
              checked={skills.includes(skill)}
              onChange={(event) =>
                props.onChange(
                  event.target.checked ? [...skills, skill] : skills.filter((s) => s !== skill),
                  available,
                )
              }
            />
            {t.skills[skill]}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={props.autoAnswer}
          onChange={(event) => props.onAutoAnswer(event.target.checked)}
        />
        {t.autoAnswer}
      </label>
    </section>
  );
}
