// Always within reach: the code field (for a typed code), camera, search,
// language, reach mode and home.
import { useState, type FormEvent } from 'react';
import { useI18n, type Lang } from '@vitrine/shared/ui';

export function TopBar(props: {
  lang: Lang;
  reach: boolean;
  onLang: () => void;
  onReach: () => void;
  onCode: (code: string) => void;
  onCamera: () => void;
  onSearch: () => void;
  onHome: () => void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onCode(code);
  };
  return (
    <header className="topbar">
      <h1 className="brand">{t.appTitle}</h1>
      <p className="prompt">{t.scanPrompt}</p>
      <form className="code-form" onSubmit={submit}>
        <label>
          {t.barcode}{' '}
          <input
            data-testid="code-input"
            inputMode="numeric"
            autoComplete="off"
            maxLength={64}
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
        </label>
        <button type="submit">{t.lookUp}</button>
      </form>
      <nav className="actions" aria-label={t.filters}>
        <button type="button" onClick={props.onCamera} data-testid="camera-button">
          📷 {t.camera}
        </button>
        <button type="button" onClick={props.onSearch} data-testid="search-button">
          🔎 {t.browse}
        </button>
        <button type="button" onClick={props.onHome}>
          {t.home}
        </button>
        <button type="button" onClick={props.onLang} lang={props.lang === 'fr' ? 'en' : 'fr'}>
          {t.language}
        </button>
        <button type="button" aria-pressed={props.reach} onClick={props.onReach}>
          ♿ {t.reachMode}
        </button>
      </nav>
    </header>
  );
}
