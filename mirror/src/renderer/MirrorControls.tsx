// Always within reach at the foot of the mirror: the lighting, sharing the
// look and "finish" (erases the session).
import { Share2, Trash2 } from 'lucide-react';
import { useMirrorText } from './mirror-text';

const THEMES = ['day', 'evening', 'warm'] as const;
export type Theme = (typeof THEMES)[number];

export function MirrorControls(props: {
  theme: Theme;
  onTheme: (theme: Theme) => void;
  onShare: () => void;
  canShare: boolean;
  onFinish: () => void;
}) {
  const { t: m } = useMirrorText();
  return (
    <nav className="mirror-controls" aria-label={m.title}>
      <fieldset className="themes">
        <legend>{m.lighting}</legend>
        {THEMES.map((theme) => (
          <button
            key={theme}
            type="button"
            aria-pressed={props.theme === theme}
            onClick={() => props.onTheme(theme)}
          >
            {m.themes[theme]}
          </button>
        ))}
      </fieldset>
      <div className="session-actions">
        <button
          type="button"
          className="primary"
          onClick={props.onShare}
          disabled={!props.canShare}
          data-testid="share-button"
        >
          <Share2 className="icon" aria-hidden="true" /> {m.share}
        </button>
        <button type="button" onClick={props.onFinish} data-testid="finish-button">
          <Trash2 className="icon" aria-hidden="true" /> {m.endSession}
        </button>
      </div>
    </nav>
  );
}
