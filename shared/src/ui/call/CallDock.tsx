// A call in progress while no product page shows it: a bar at the foot of
// the screen with the expert's name, "back to the call" and hang up; it
// plays the expert's voice, which the product page's video played before.
import { useEffect, useRef } from 'react';
import { callText } from './call-text';
import { SmileyRating } from './SmileyRating';
import type { CallPlace } from './expert-line-context';
import type { ExpertLine } from './use-expert-line';

export function CallDock(props: { line: ExpertLine; place: CallPlace }) {
  const { line, place } = props;
  const { call } = line;
  const { open } = place;
  const voice = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    if (!voice.current || !line.remoteStream) return;
    voice.current.srcObject = line.remoteStream;
    void voice.current.play().catch(() => undefined);
  }, [line.remoteStream]);
  const style = {
    position: 'fixed',
    left: '1rem',
    right: '1rem',
    bottom: '1rem',
    zIndex: 50,
    padding: '0.75rem 1rem',
    borderRadius: 12,
    background: '#1b1b1b',
    color: '#fff',
    boxShadow: '0 4px 16px rgb(0 0 0 / 30%)',
  } as const;
  if (call.phase === 'rating') {
    return (
      <aside data-testid="call-dock" lang={place.lang} style={style}>
        <SmileyRating lang={place.lang} onRate={(value) => void line.rate(value)} />
      </aside>
    );
  }
  return (
    <aside
      data-testid="call-dock"
      role="status"
      lang={place.lang}
      style={{ ...style, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.75rem' }}
    >
      <audio ref={voice} data-testid="call-dock-audio" autoPlay />
      <span style={{ flex: 1 }}>
        {call.phase === 'connected'
          ? `${callText('with', place.lang)} ${call.expertName}`
          : callText('waiting', place.lang)}
      </span>
      {open && (
        <button type="button" onClick={() => open(place.productId)}>
          {callText('backToCall', place.lang)}
        </button>
      )}
      <button type="button" onClick={() => void line.hangUp()}>
        {callText(call.phase === 'connected' ? 'hangUp' : 'cancel', place.lang)}
      </button>
    </aside>
  );
}
