import { useState } from 'react';
import type { Product } from '../../core';
import { useI18n } from '../i18n/i18n';

/** Product pictures; a broken or missing image shows a labelled placeholder. */
export function ProductGallery({ product, baseUrl }: { product: Product; baseUrl: string }) {
  const { t, lang } = useI18n();
  const [failed, setFailed] = useState<ReadonlySet<string>>(new Set());
  const images = product.images.filter((src) => !failed.has(src));
  if (images.length === 0) {
    return (
      <div className="gallery gallery--empty" role="img" aria-label={t.noImage}>
        {t.noImage}
      </div>
    );
  }
  // Several pictures scroll sideways: keyboard users reach the strip to scroll it.
  const scrolls = images.length > 1;
  return (
    <div
      className="gallery"
      {...(scrolls ? { role: 'region', 'aria-label': t.pictures, tabIndex: 0 } : {})}
    >
      {images.map((src, i) => (
        <img
          key={src}
          src={new URL(src, baseUrl).href}
          alt={i === 0 ? product.name[lang] : ''}
          onError={() => setFailed((current) => new Set(current).add(src))}
        />
      ))}
    </div>
  );
}
