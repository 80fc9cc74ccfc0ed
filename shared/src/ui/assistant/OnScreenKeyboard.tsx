// A keyboard on the screen for a kiosk or a mirror with no keyboard: AZERTY
// with French accents for French, QWERTY for English. Keys are as large as any
// other target and keep the text field's focus (a tap does not blur it).
import type { PointerEvent } from 'react';
import { useI18n } from '../i18n/i18n';

const LAYOUTS = {
  fr: ['1234567890', 'azertyuiop', 'qsdfghjklm', "wxcvbn'?", 'éèàçùê'],
  en: ['1234567890', 'qwertyuiop', 'asdfghjkl', "zxcvbnm'?"],
} as const;

const keepFocus = (event: PointerEvent) => event.preventDefault();

export function OnScreenKeyboard(props: {
  onKey: (text: string) => void;
  onErase: () => void;
  onEnter: () => void;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="osk" role="group" aria-label={t.assistant.keyboard} data-testid="osk">
      {LAYOUTS[lang].map((row) => (
        <div className="osk-row" key={row}>
          {[...row].map((key) => (
            <button
              key={key}
              type="button"
              className="osk-key"
              onPointerDown={keepFocus}
              onClick={() => props.onKey(key)}
            >
              {key}
            </button>
          ))}
        </div>
      ))}
      <div className="osk-row">
        <button
          type="button"
          className="osk-key osk-wide"
          onPointerDown={keepFocus}
          onClick={props.onErase}
        >
          ⌫ {t.assistant.erase}
        </button>
        <button
          type="button"
          className="osk-key osk-space"
          onPointerDown={keepFocus}
          onClick={() => props.onKey(' ')}
        >
          {t.assistant.space}
        </button>
        <button
          type="button"
          className="osk-key osk-wide primary"
          onPointerDown={keepFocus}
          onClick={props.onEnter}
        >
          {t.assistant.ask}
        </button>
      </div>
    </div>
  );
}
