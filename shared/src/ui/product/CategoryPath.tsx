// Where the product sits in the store's taxonomy, broadest first (Maison ›
// Jardin › Tondeuses), in the screen's language. The separators are drawn by
// CSS with an empty text alternative, so a screen reader reads a list of
// shelves, not "right angle quote". Any length or script wraps (kiosk.css).
import type { Localized } from '../../core';
import { useI18n } from '../i18n/i18n';

export function CategoryPath({ path }: { path: readonly Localized[] }) {
  const { t, lang } = useI18n();
  const levels = path.map((level) => level[lang].trim()).filter(Boolean);
  if (levels.length === 0) return null;
  return (
    <ol className="category-path muted" aria-label={t.categoryPath} data-testid="category-path">
      {levels.map((level, i) => (
        <li key={i}>{level}</li>
      ))}
    </ol>
  );
}
