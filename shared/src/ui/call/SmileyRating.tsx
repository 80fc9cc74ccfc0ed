// After the call: one tap on a smiley.
import { callText, type Lang } from './call-text';

const SMILEYS = [
  { value: 'green', face: '😀', fr: 'Très bien', en: 'Great' },
  { value: 'orange', face: '😐', fr: 'Moyen', en: 'So-so' },
  { value: 'red', face: '🙁', fr: 'Pas bien', en: 'Poor' },
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
          {smiley.face}
        </button>
      ))}
    </section>
  );
}
