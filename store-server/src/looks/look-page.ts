// The phone page of a shared look, rendered on the server in French or
// English: the photo, the garments, sharing (Web Share with the file, or
// links) and "delete now". Works without JavaScript except the file share.
export type PagePiece = { name: string; brand: string; price: string };
export type PageLang = 'fr' | 'en';

const TEXT = {
  fr: {
    title: 'Votre look',
    photoAlt: 'Photo du look prise dans la cabine',
    expires: (at: string) => `Ce lien et la photo seront supprimés le ${at}.`,
    pieces: 'Les pièces du look',
    share: 'Partager la photo',
    shareWith: 'Ou envoyer le lien :',
    email: 'E-mail',
    deleteNow: 'Supprimer maintenant',
    deleteHelp: 'La photo est effacée du magasin tout de suite, et le lien ne marchera plus.',
    other: 'English',
    deleted: 'La photo a été supprimée. Ce lien ne fonctionne plus.',
    gone: 'Ce look a expiré ou a été supprimé : la photo n’existe plus.',
    unknown: 'Ce lien n’existe pas.',
    notFoundTitle: 'Lien introuvable',
    goneTitle: 'Look expiré',
    // As the shopper screens say it (shared/src/ui/i18n).
    priceFrom: (amount: string) => `à partir de ${amount}`,
  },
  en: {
    title: 'Your look',
    photoAlt: 'Photo of the look taken in the fitting room',
    expires: (at: string) => `This link and the photo will be deleted on ${at}.`,
    pieces: 'What you are wearing',
    share: 'Share the photo',
    shareWith: 'Or send the link:',
    email: 'Email',
    deleteNow: 'Delete now',
    deleteHelp: 'The photo is erased from the store at once and the link stops working.',
    other: 'Français',
    deleted: 'The photo has been deleted. This link no longer works.',
    gone: 'This look has expired or was deleted: the photo no longer exists.',
    unknown: 'This link does not exist.',
    notFoundTitle: 'Link not found',
    goneTitle: 'Look expired',
    priceFrom: (amount: string) => `from ${amount}`,
  },
} as const;

/** A piece's price as its product page writes it (core's priceNow: "from X" when its variants differ). */
export function piecePrice(lang: PageLang, amount: string, from: boolean): string {
  return from ? TEXT[lang].priceFrom(amount) : amount;
}

export const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;padding:1rem;max-width:40rem;margin-inline:auto;
font-size:1.1rem;line-height:1.4;color:#1d1d1f;background:#faf8f5}img{width:100%;height:auto;border-radius:.5rem}
a,button{font-size:1.1rem}.btn{display:inline-block;padding:.8rem 1.2rem;margin:.3rem .3rem .3rem 0;border-radius:.5rem;
border:1px solid #1d1d1f;background:#fff;color:#1d1d1f;text-decoration:none}.danger{background:#8a1c1c;color:#fff;border-color:#8a1c1c}
nav{text-align:right}ul{padding-left:1.2rem}`;

/** The phone pages' frame (looks, shortlists): their style, no script of their own. */
export function shell(lang: PageLang, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escape(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export function lookPage(options: {
  lang: PageLang;
  pageUrl: string;
  photoUrl: string;
  deleteUrl: string;
  expiresAt: string;
  pieces: PagePiece[];
}): string {
  const t = TEXT[options.lang];
  const other: PageLang = options.lang === 'fr' ? 'en' : 'fr';
  const when = new Date(options.expiresAt).toLocaleString(
    options.lang === 'fr' ? 'fr-FR' : 'en-GB',
    {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Paris',
    },
  );
  const url = encodeURIComponent(options.pageUrl);
  const links = [
    ['WhatsApp', `https://wa.me/?text=${url}`],
    ['Facebook', `https://www.facebook.com/sharer/sharer.php?u=${url}`],
    ['X', `https://twitter.com/intent/tweet?url=${url}`],
    [t.email, `mailto:?subject=${encodeURIComponent(t.title)}&body=${url}`],
  ];
  const body = `<nav><a href="?lang=${other}" lang="${other}">${t.other}</a></nav>
<main data-testid="shared-look"><h1>${t.title}</h1>
<img id="look-photo" data-testid="look-photo" src="${escape(options.photoUrl)}" alt="${t.photoAlt}">
<p>${escape(t.expires(when))}</p>
<h2>${t.pieces}</h2><ul data-testid="look-pieces">${options.pieces
    .map((p) => `<li>${escape(p.name)} · ${escape(p.brand)} · ${escape(p.price)}</li>`)
    .join('')}</ul>
<p><button type="button" class="btn" id="share-files" data-testid="share-files" data-title="${t.title}" hidden>${t.share}</button></p>
<p>${t.shareWith}</p><p>${links
    .map(
      ([name, href]) =>
        `<a class="btn" rel="noopener noreferrer" target="_blank" href="${escape(href ?? '')}">${escape(name ?? '')}</a>`,
    )
    .join('')}</p>
<form method="post" action="${escape(options.deleteUrl)}"><button type="submit" class="btn danger" data-testid="delete-look">${t.deleteNow}</button></form>
<p>${t.deleteHelp}</p></main><script src="/look/assets/share.js"></script>`;
  return shell(options.lang, t.title, body);
}

export function messagePage(lang: PageLang, kind: 'deleted' | 'gone' | 'unknown'): string {
  const t = TEXT[lang];
  const title = kind === 'unknown' ? t.notFoundTitle : kind === 'gone' ? t.goneTitle : t.title;
  return shell(
    lang,
    title,
    `<main data-testid="look-${kind}"><h1>${title}</h1><p>${t[kind]}</p></main>`,
  );
}

/** Web Share with the photo file where the phone supports it (served as /look/assets/share.js). */
export const SHARE_SCRIPT = `(() => {
  const button = document.getElementById('share-files');
  const photo = document.getElementById('look-photo');
  if (!button || !photo || !navigator.share || !navigator.canShare) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const title = button.dataset.title || '';
    try {
      const blob = await (await fetch(photo.src)).blob();
      const file = new File([blob], 'look.jpg', { type: 'image/jpeg' });
      if (navigator.canShare({ files: [file] })) await navigator.share({ files: [file], title });
      else await navigator.share({ title, url: location.href });
    } catch (error) {
      if (error && error.name !== 'AbortError') console.warn('share failed', error);
    }
  });
})();
`;
