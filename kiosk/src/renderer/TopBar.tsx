// Always within reach: the code field (for a typed code), camera, search,
// language, reach mode and home.
import { CodeForm, useI18n, type Lang } from '@vitrine/shared/ui';

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
  return (
    <header className="topbar">
      <h1 className="brand">{t.appTitle}</h1>
      <p className="prompt">{t.scanPrompt}</p>
      <CodeForm label={t.barcode} submitLabel={t.lookUp} onCode={props.onCode} />
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
