// A brand theme as the CSS custom properties kiosk.css draws with. Without a
// theme the stylesheet's own defaults apply.
import type { CSSProperties } from 'react';
import { fontStack, type BrandTheme } from '@vitrine/shared/core';

export function brandStyle(theme: BrandTheme | undefined): CSSProperties | undefined {
  if (!theme) return undefined;
  const { colours } = theme;
  return {
    '--accent': colours.accent,
    '--accent-ink': colours.accentInk,
    '--ink': colours.ink,
    '--paper': colours.paper,
    '--panel': colours.panel,
    '--bad': colours.alert,
    '--brand-font': fontStack(theme.font),
  } as CSSProperties;
}
