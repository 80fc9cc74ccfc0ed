// The brand's logo, picked from a file: it travels inside the settings document as a data URL
// (so screens show it offline), hence the type and size checks before it is taken.
import { useState } from 'react';
import { MAX_LOGO_BYTES } from '@vitrine/shared/core';

/** The picture types the settings schema takes (brand-theme.ts). */
const LOGO_TYPES = ['image/svg+xml', 'image/png', 'image/webp', 'image/jpeg'];

export type LogoText = {
  logo: string;
  pickLogo: string;
  removeLogo: string;
  logoType: string;
  logoSize: (kb: number) => string;
};

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

export function LogoPicker(props: {
  logo: string | undefined;
  /** The brand's name, the logo's text alternative. */
  name: string;
  t: LogoText;
  onChange: (logo: string | undefined) => void;
}) {
  const { logo, name, t, onChange } = props;
  const [problem, setProblem] = useState<string | null>(null);

  async function take(file: File | undefined) {
    if (!file) return;
    if (!LOGO_TYPES.includes(file.type)) return setProblem(t.logoType);
    if (file.size > MAX_LOGO_BYTES)
      return setProblem(t.logoSize(Math.floor(MAX_LOGO_BYTES / 1000)));
    try {
      onChange(await readAsDataUrl(file));
      setProblem(null);
    } catch (caught) {
      setProblem((caught as Error).message);
    }
  }

  return (
    <div className="hq-logo">
      {logo && <img src={logo} alt={name || t.logo} className="hq-logo-preview" />}
      <label>
        {t.pickLogo}{' '}
        <input
          type="file"
          accept={LOGO_TYPES.join(',')}
          onChange={(event) => {
            void take(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </label>
      {logo && (
        <button type="button" className="action" onClick={() => onChange(undefined)}>
          {t.removeLogo}
        </button>
      )}
      {problem && (
        <p role="alert" className="refusal">
          {problem}
        </p>
      )}
    </div>
  );
}
