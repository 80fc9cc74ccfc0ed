// Always within reach: language, lighting, a typed tag code, the camera
// scanner, sharing the look and "finish" (erases the session).
import { CodeForm, type Lang } from '@vitrine/shared/ui';
import { useMirrorText } from './mirror-text';

export const THEMES = ['day', 'evening', 'warm'] as const;
export type Theme = (typeof THEMES)[number];

export function MirrorBar(props: {
  lang: Lang;
  theme: Theme;
  onLang: () => void;
  onTheme: (theme: Theme) => void;
  onCode: (code: string) => void;
  onCamera: () => void;
  onShare: () => void;
  canShare: boolean;
  onFinish: () => void;
}) {
  const m = useMirrorText();
  return (
    <header className="mirror-bar">
      <div>
        <h1 className="brand">Vitrine · {m.title}</h1>
        <p className="prompt">{m.scanPrompt}</p>
      </div>
      <CodeForm label={m.codeLabel} submitLabel={m.add} onCode={props.onCode} clearOnSubmit />
      <nav className="actions" aria-label={m.title}>
        <button type="button" onClick={props.onCamera} data-testid="camera-button">
          {m.scanWithCamera}
        </button>
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
        <button
          type="button"
          onClick={props.onLang}
          lang={props.lang === 'fr' ? 'en' : 'fr'}
          data-testid="lang-button"
        >
          {props.lang === 'fr' ? 'English' : 'Français'}
        </button>
        <button
          type="button"
          className="primary"
          onClick={props.onShare}
          disabled={!props.canShare}
          data-testid="share-button"
        >
          {m.share}
        </button>
        <button type="button" onClick={props.onFinish} data-testid="finish-button">
          {m.endSession}
        </button>
      </nav>
    </header>
  );
}
