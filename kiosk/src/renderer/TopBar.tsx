// Always within reach: the code field (for a typed code), camera, search,
// language, reach mode and home. The brand (logo and name) comes from the
// store's theme; five quick taps on it ask staff for their PIN.
import { Accessibility, Camera, MessageCircleQuestion, Search } from 'lucide-react';
import { useRef } from 'react';
import type { BrandTheme } from '@vitrine/shared/core';
import { CodeForm, useI18n, type Lang } from '@vitrine/shared/ui';

const STAFF_TAPS = 5;
const STAFF_TAPS_MS = 3_000;

export function TopBar(props: {
  lang: Lang;
  reach: boolean;
  onLang: () => void;
  onReach: () => void;
  onCode: (code: string) => void;
  onCamera: () => void;
  onSearch: () => void;
  onHome: () => void;
  onAssistant: () => void;
  theme: BrandTheme | undefined;
  onStaff: () => void;
}) {
  const { t } = useI18n();
  const taps = useRef<number[]>([]);
  const tapBrand = (event: { preventDefault: () => void }) => {
    // No focus move and no text selection on a tap: the staff dialog this may
    // open takes focus, and the tap's mousedown would otherwise take it away.
    event.preventDefault();
    const now = Date.now();
    taps.current = [...taps.current.filter((at) => now - at < STAFF_TAPS_MS), now];
    if (taps.current.length < STAFF_TAPS) return;
    taps.current = [];
    props.onStaff();
  };
  return (
    <header className="topbar">
      {/* A hidden staff gesture, not a control: shoppers have nothing to do here. */}
      <h1 className="brand" data-testid="brand" onPointerDown={tapBrand}>
        {props.theme?.logo && <img className="brand-logo" src={props.theme.logo} alt="" />}
        <span>{props.theme?.name ?? t.appTitle}</span>
      </h1>
      <p className="prompt">{t.scanPrompt}</p>
      <CodeForm label={t.barcode} submitLabel={t.lookUp} onCode={props.onCode} />
      <nav className="actions" aria-label={t.filters}>
        <button type="button" onClick={props.onCamera} data-testid="camera-button">
          <Camera className="icon" aria-hidden="true" /> {t.camera}
        </button>
        <button type="button" onClick={props.onSearch} data-testid="search-button">
          <Search className="icon" aria-hidden="true" /> {t.browse}
        </button>
        <button type="button" onClick={props.onAssistant} data-testid="assistant-button">
          <MessageCircleQuestion className="icon" aria-hidden="true" /> {t.assistant.open}
        </button>
        <button type="button" onClick={props.onHome}>
          {t.home}
        </button>
        <button type="button" onClick={props.onLang} lang={props.lang === 'fr' ? 'en' : 'fr'}>
          {t.language}
        </button>
        <button type="button" aria-pressed={props.reach} onClick={props.onReach}>
          <Accessibility className="icon" aria-hidden="true" /> {t.reachMode}
        </button>
      </nav>
    </header>
  );
}
