// A store's brand theme as the CSS custom properties the touchpoints' style
// sheets draw with (kiosk.css, mirror.css). Without a theme their defaults apply.
import type { CSSProperties } from 'react';
import { fontStack, type BrandTheme } from '../../core';

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
