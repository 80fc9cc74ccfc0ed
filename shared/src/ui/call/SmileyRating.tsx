// After the call: one tap on a smiley.
import { SmileyFace } from '../smiley-face';
import { callText, type Lang } from './call-text';

const SMILEYS = [
  { value: 'green', fr: 'Très bien', en: 'Great' },
  { value: 'orange', fr: 'Moyen', en: 'So-so' },
  { value: 'red', fr: 'Pas bien', en: 'Poor' },
] as const;

export function SmileyRating(props: {
  lang: Lang;
  onRate: (value: 'green' | 'orange' | 'red') => void;
}) {
  return (
    <section data-testid="call-rating">
      <p>{callText('rate', props.lang)}</p>
      {SMILEYS.map((smiley) => (
        <button
          key={smiley.value}
          type="button"
          aria-label={smiley[props.lang]}
          style={{ fontSize: '2.5rem', background: 'none', border: 0 }}
          onClick={() => props.onRate(smiley.value)}
        >
          <SmileyFace value={smiley.value} />
        </button>
      ))}
    </section>
  );
}
