// Reads a brand theme file (JSON) for --theme. Its logo is a file beside it
// (or already a data: URL); the picture is embedded so kiosks show it offline.
// The result is still unknown: the config schema (BrandTheme) validates it.
import { readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';

const LOGO_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

export class ThemeFileError extends Error {}

export function readThemeFile(path: string): unknown {
  let theme: unknown;
  try {
    theme = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ThemeFileError(`theme file ${path}: ${(error as Error).message}`);
  }
  if (!theme || typeof theme !== 'object' || !('logo' in theme)) return theme;
  const logo = theme.logo;
  if (typeof logo !== 'string' || logo.startsWith('data:')) return theme;
  const type = LOGO_TYPES[extname(logo).toLowerCase()];
  if (!type) throw new ThemeFileError(`theme file ${path}: logo must be .svg, .png, .webp or .jpg`);
  const logoPath = resolve(dirname(path), logo);
  let bytes: Buffer;
  try {
    bytes = readFileSync(logoPath);
  } catch (error) {
    throw new ThemeFileError(`theme file ${path}: logo ${logoPath}: ${(error as Error).message}`);
  }
  return { ...theme, logo: `data:${type};base64,${bytes.toString('base64')}` };
}
