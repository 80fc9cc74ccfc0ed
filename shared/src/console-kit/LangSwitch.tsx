// The button that switches a console to the other language, labelled in it.
import { otherLang, SWITCH_LABEL, type ConsoleLang } from './console-lang';

export function LangSwitch(props: {
  lang: ConsoleLang;
  onLang: (lang: ConsoleLang) => void;
  className?: string;
}) {
  const next = otherLang(props.lang);
  return (
    <button
      type="button"
      className={props.className}
      lang={next}
      data-testid="lang-switch"
      onClick={() => props.onLang(next)}
    >
      {SWITCH_LABEL[next]}
    </button>
  );
}
