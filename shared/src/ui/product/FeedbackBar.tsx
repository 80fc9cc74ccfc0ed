// "J'aime / j'aime pas" and "read aloud" for one product.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { canSpeak, speak, stopSpeaking } from './speak';

export function FeedbackBar(props: {
  onFeedback: (value: 'like' | 'dislike') => void;
  speechText: string;
}) {
  const { t, lang } = useI18n();
  const [given, setGiven] = useState<'like' | 'dislike' | undefined>(undefined);
  const [speaking, setSpeaking] = useState(false);
  // Leaving the product (another product, home, the idle reset) silences it:
  // the next shopper must not hear the previous one's product. (A stock change
  // while it reads does not: the bar is remounted per product, not per text.)
  useEffect(() => () => stopSpeaking(), []);
  const give = (value: 'like' | 'dislike') => {
    if (given === value) return;
    setGiven(value);
    props.onFeedback(value);
  };
  return (
    <div className="actions feedback">
      <button type="button" aria-pressed={given === 'like'} onClick={() => give('like')}>
        👍 {t.like}
      </button>
      <button type="button" aria-pressed={given === 'dislike'} onClick={() => give('dislike')}>
        👎 {t.dislike}
      </button>
      {canSpeak() && (
        <button
          type="button"
          aria-pressed={speaking}
          onClick={() => {
            if (speaking) stopSpeaking();
            else speak(props.speechText, lang, () => setSpeaking(false));
            setSpeaking(!speaking);
          }}
        >
          🔊 {speaking ? t.stopSpeaking : t.speak}
        </button>
      )}
    </div>
  );
}
