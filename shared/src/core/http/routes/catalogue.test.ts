import { describe, expect, it } from 'vitest';
import { catalogueImageSrcSet, catalogueImageUrl } from './catalogue';

const KEY = '0123456789abcdef0123456789abcdef';

describe('catalogue image srcset', () => {
  it('offers every width of a catalogue image, on the same server', () => {
    const src = catalogueImageUrl('https://store.local:8443', KEY, '480');
    expect(catalogueImageSrcSet(src)).toBe(
      ['160', '480', '1080']
        .map((w) => `${catalogueImageUrl('https://store.local:8443', KEY, w as '160')} ${w}w`)
        .join(', '),
    );
  });

  it("offers the demo's drawn pictures at every width, as WebP", () => {
    expect(catalogueImageSrcSet('https://store.local/media/products/p1-2.svg')).toBe(
      ['160', '480', '1080']
        .map((w) => `https://store.local/media/products/p1-2-${w}.webp ${w}w`)
        .join(', '),
    );
  });

  it('leaves any other picture alone', () => {
    expect(catalogueImageSrcSet('https://store.local/media/products/p1-0.svg')).toBeUndefined();
    expect(catalogueImageSrcSet('https://store.local/media/products/P1-1.svg')).toBeUndefined();
    expect(catalogueImageSrcSet('https://store.local/pictures/p1-1.svg')).toBeUndefined();
    const bad = catalogueImageUrl('https://s', KEY, '480').replace(/480$/, '333');
    expect(catalogueImageSrcSet(bad)).toBeUndefined();
    expect(catalogueImageSrcSet(bad.replace(KEY, 'not-a-key'))).toBeUndefined();
  });
});
