// What a downloaded image is, from its first bytes: the campaigns' media
// sniffing for PNG, JPEG and WebP, plus GIF and SVG, which feeds also carry
// (the demo's own pictures are SVG). A server's error page sent as
// "image/jpeg" is named for what it is.
import { sniffMediaType } from '@vitrine/shared/node';

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif' | 'image/svg+xml';

export type Sniffed = { type: ImageType } | { problem: string };

export function sniffImageType(head: Buffer): Sniffed {
  const media = sniffMediaType(head);
  if (media === 'image/png' || media === 'image/jpeg' || media === 'image/webp')
    return { type: media };
  if (media) return { problem: `the file is ${media}, not an image` };
  const text = head.toString('latin1');
  if (text.startsWith('GIF87a') || text.startsWith('GIF89a')) return { type: 'image/gif' };
  const start = text
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .slice(0, 1_024);
  if (/^<(\?xml|!--|svg|!DOCTYPE svg)/i.test(start) && /<svg[\s>]/i.test(start))
    return { type: 'image/svg+xml' };
  if (/^<(!DOCTYPE html|html|head|body)/i.test(start))
    return { problem: 'the answer is an HTML page, not an image' };
  return { problem: 'not an image (PNG, JPEG, WebP, GIF or SVG)' };
}
