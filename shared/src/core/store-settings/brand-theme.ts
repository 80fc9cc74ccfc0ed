// A store's brand on its kiosks: name, logo, colours and font, from the store
// server's configuration (store-server --theme), synced to devices with the
// store's settings. Validated at every boundary; colour pairs the screens draw
// text with must reach WCAG AA, so a theme cannot make the kiosk unreadable.
import { z } from 'zod';
import { contrastRatio, MIN_TEXT_CONTRAST } from './contrast';

const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour written #rrggbb');

/** Pictures travel inside the document, so the logo shows offline too. */
export const MAX_LOGO_BYTES = 200_000;
const Logo = z
  .string()
  .max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 40, `a logo of at most ${MAX_LOGO_BYTES} bytes`)
  .regex(
    /^data:image\/(?:svg\+xml|png|webp|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/,
    'a data:image/(svg+xml|png|webp|jpeg);base64 URL',
  );

/** A CSS family name, quoted by the screen: letters, digits, spaces and hyphens only. */
const FontFamily = z
  .string()
  .regex(/^[\p{L}\p{N} -]{1,60}$/u, 'a font family name (letters, digits, spaces, hyphens)');

export const BrandColours = z.object({
  /** Buttons, the attract loop, the brand band. */
  accent: Colour,
  /** Text on the accent colour. */
  accentInk: Colour,
  /** Body text. */
  ink: Colour,
  /** Page background. */
  paper: Colour,
  /** Panels and bars behind text. */
  panel: Colour,
  /** Promotions and "not in stock". */
  alert: Colour,
});
export type BrandColours = z.infer<typeof BrandColours>;

/** Text colour on background colour, each pair the kiosk draws. */
const TEXT_PAIRS: readonly (readonly [keyof BrandColours, keyof BrandColours])[] = [
  ['ink', 'paper'],
  ['ink', 'panel'],
  ['accent', 'paper'],
  ['accentInk', 'accent'],
  ['alert', 'paper'],
  ['alert', 'panel'],
];

export const BrandTheme = z
  .object({
    /** The store or chain name, shown with the logo (and as its text alternative). */
    name: z.string().trim().min(1).max(60),
    logo: Logo.optional(),
    colours: BrandColours,
    font: z.object({
      /** Preferred families, in order; the screen falls back to `generic`. */
      families: z.array(FontFamily).min(1).max(4),
      generic: z.enum(['sans-serif', 'serif', 'system-ui']).default('system-ui'),
    }),
  })
  .superRefine((theme, ctx) => {
    // Zod still runs this when a colour failed its own check: say that one thing only.
    if (!Object.values(theme.colours).every((colour) => Colour.safeParse(colour).success)) return;
    for (const [text, background] of TEXT_PAIRS) {
      const ratio = contrastRatio(theme.colours[text], theme.colours[background]);
      if (ratio < MIN_TEXT_CONTRAST)
        ctx.addIssue({
          code: 'custom',
          path: ['colours', text],
          message: `${text} on ${background} has a contrast of ${ratio.toFixed(2)}:1; text needs at least ${MIN_TEXT_CONTRAST}:1 (WCAG AA)`,
        });
    }
  });
export type BrandTheme = z.infer<typeof BrandTheme>;

/** The CSS font-family value for a theme (names quoted; validated above). */
export function fontStack(font: BrandTheme['font']): string {
  return [...font.families.map((family) => `"${family}"`), font.generic].join(', ');
}
