// What this expert offers: available or not (a switch), the skills shoppers
// can call them for, and auto-answer.
import { EXPERT_SKILLS, type ExpertSkill } from '@vitrine/shared/core';
import { SKILL_LABEL } from './expert-labels';

export function AvailabilityPanel(props: {
  skills: ExpertSkill[];
  available: boolean;
  autoAnswer: boolean;
  onChange: (skills: ExpertSkill[], available: boolean) => void;
  onAutoAnswer: (on: boolean) => void;
}) {
  const { skills, available } = props;
  return (
    <section className="card availability" aria-labelledby="availability-title">
      <h2 id="availability-title">Disponibilité / Availability</h2>
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
        Disponible / Available
      </label>
      <fieldset className="skills">
        <legend>Compétences / Skills</legend>
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
            {SKILL_LABEL[skill]}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={props.autoAnswer}
          onChange={(event) => props.onAutoAnswer(event.target.checked)}
        />
        Décrocher automatiquement / Auto-answer
      </label>
    </section>
  );
}
