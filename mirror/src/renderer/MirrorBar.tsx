// The top of the mirror: the store's brand (logo and name from its theme),
// what to do ("scan each tag"), a typed tag code, the camera scanner and the
// language. The session's other controls sit at the bottom (MirrorControls).
import { Camera, Languages, MessageCircleQuestion } from 'lucide-react';
import type { BrandTheme } from '@vitrine/shared/core';
import { CodeForm, useI18n, type Lang } from '@vitrine/shared/ui';
import { useMirrorText } from './mirror-text';

export function MirrorBar(props: {
  lang: Lang;
  brand: BrandTheme | undefined;
  camera: boolean;
  onLang: () => void;
  onCode: (code: string) => void;
  onCamera: () => void;
  /** The assistant is open (the button closes it then). */
  asking: boolean;
  onAssistant: () => void;
}) {
  const { t: m } = useMirrorText();
  const { t } = useI18n();
  return (
    <header className="mirror-bar">
      <h1 className="brand">
        {props.brand?.logo && <img className="brand-logo" src={props.brand.logo} alt="" />}
        <span>{props.brand?.name ?? 'Vitrine'}</span>
        <span className="brand-app"> · {m.title}</span>
      </h1>
      <button
        type="button"
        className="lang-button"
        onClick={props.onLang}
        lang={props.lang === 'fr' ? 'en' : 'fr'}
        data-testid="lang-button"
      >
        <Languages className="icon" aria-hidden="true" />{' '}
        {props.lang === 'fr' ? 'English' : 'Français'}
      </button>
      <p className="prompt">{m.scanPrompt}</p>
      <div className="scan-row">
        <CodeForm label={m.codeLabel} submitLabel={m.add} onCode={props.onCode} clearOnSubmit />
        <button
          type="button"
          onClick={props.onCamera}
          aria-pressed={props.camera}
          data-testid="camera-button"
        >
          <Camera className="icon" aria-hidden="true" /> {m.scanWithCamera}
        </button>
        <button
          type="button"
          onClick={props.onAssistant}
          aria-pressed={props.asking}
          data-testid="assistant-button"
        >
          <MessageCircleQuestion className="icon" aria-hidden="true" /> {t.assistant.open}
        </button>
      </div>
    </header>
  );
}
