// Every problem an import reports, as a stable code with its parameters and its
// text in English and French. The report keeps the English text (`problem`) for
// the CLI, old jobs and the TSV; the console renders the code in its language.
// A code without both texts does not compile (`texts` asks for en and fr).
import { z } from 'zod';
import { plural } from '../i18n/locale';

export type ReportLang = 'fr' | 'en';

/** A code and its parameters; a parameter may itself be a message (a cause). */
export type ReportMessage = {
  code: string;
  params: { [name: string]: string | number | ReportMessage };
};

export const ReportMessage: z.ZodType<ReportMessage> = z
  .object({
    code: z.string().min(1),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.lazy(() => ReportMessage)])),
  })
  .meta({ id: 'ReportMessage' });

type Params = Record<string, string | number | ReportMessage>;
/** What a text receives: a nested message already rendered in the same language. */
type Rendered<P> = { [K in keyof P]: P[K] extends ReportMessage ? string : P[K] };
type Texts<P> = { en: (p: Rendered<P>) => string; fr: (p: Rendered<P>) => string };
const texts = <P extends Params = Record<never, never>>(t: Texts<P>) => t;

const NNBSP = '\u202f';
/** A French quotation: « value ». */
const q = (value: string | number) => `«\u00a0${value}\u00a0»`;
/** 12,5 (French decimals; `digits` fixed when given, else as written up to 2). */
const frenchNumber = (value: number, digits?: number) =>
  Number(value).toLocaleString('fr-FR', {
    minimumFractionDigits: digits ?? 0,
    maximumFractionDigits: digits ?? 2,
  });
type Cause = { cause: ReportMessage };
type Value = { value: string };

const REPORT_TEXTS = {
  // Wrappers around another message (what the import did with the value).
  left_out: texts<Cause>({
    en: (p) => `${p.cause}: left out`,
    fr: (p) => `${p.cause}${NNBSP}: ignoré`,
  }),
  gtin_dropped: texts<Cause>({
    en: (p) => `${p.cause}: the product is kept without it (not scannable)`,
    fr: (p) => `${p.cause}${NNBSP}: le produit est gardé sans lui (pas scannable)`,
  }),
  /** A text from elsewhere (a library, an image check) that has no code: shown as it is. */
  text: texts<{ text: string }>({ en: (p) => p.text, fr: (p) => p.text }),
  another_currency: texts({ en: () => 'another currency', fr: () => 'une autre devise' }),

  // fields.ts
  price_not_price: texts<Value & { currency: string }>({
    en: (p) => `"${p.value}" is not a price: write it as 12.50 ${p.currency}`,
    fr: (p) => `${q(p.value)} n’est pas un prix${NNBSP}: écrivez-le 12.50 ${p.currency}`,
  }),
  price_two_currencies: texts<Value>({
    en: (p) => `"${p.value}" names two currencies`,
    fr: (p) => `${q(p.value)} nomme deux devises`,
  }),
  currency_unknown: texts<Value>({
    en: (p) => `"${p.value}" is not an ISO 4217 currency code`,
    fr: (p) => `${q(p.value)} n’est pas un code de devise ISO 4217`,
  }),
  price_ambiguous: texts<Value & { currency: string }>({
    en: (p) =>
      `"${p.value}" is ambiguous (thousands or decimals?): write it as 12.50 ${p.currency}`,
    fr: (p) =>
      `${q(p.value)} est ambigu (milliers ou décimales${NNBSP}?)${NNBSP}: écrivez-le 12.50 ${p.currency}`,
  }),
  price_decimals: texts<Value & { decimals: number; currency: string; digits: number }>({
    en: (p) => `"${p.value}" has ${p.decimals} decimals; ${p.currency} has ${p.digits}`,
    fr: (p) => `${q(p.value)} a ${p.decimals} décimales${NNBSP}; ${p.currency} en a ${p.digits}`,
  }),
  price_too_large: texts<Value>({
    en: (p) => `"${p.value}" is too large a price`,
    fr: (p) => `${q(p.value)} est un prix trop grand`,
  }),
  gtin_scientific: texts<Value>({
    en: (p) =>
      `"${p.value}" was written in scientific notation by a spreadsheet and lost its last digits: format the column as text and export again`,
    fr: (p) =>
      `${q(p.value)} a été écrit en notation scientifique par un tableur et a perdu ses derniers chiffres${NNBSP}: mettez la colonne au format texte et exportez à nouveau`,
  }),
  gtin_not_gtin: texts<Value>({
    en: (p) => `"${p.value}" is not a GTIN (8, 12, 13 or 14 digits)`,
    fr: (p) => `${q(p.value)} n’est pas un GTIN (8, 12, 13 ou 14 chiffres)`,
  }),
  gtin_check_digit: texts<Value & { digit: string; expected: string }>({
    en: (p) => `"${p.value}" has a wrong check digit (${p.digit}, expected ${p.expected})`,
    fr: (p) => `${q(p.value)} a une clé de contrôle fausse (${p.digit}, attendu ${p.expected})`,
  }),
  availability_unknown: texts<Value & { known: string }>({
    en: (p) => `"${p.value}" is not an availability (${p.known})`,
    fr: (p) => `${q(p.value)} n’est pas une disponibilité (${p.known})`,
  }),
  quantity_not_whole: texts<Value>({
    en: (p) => `"${p.value}" is not a whole number of units`,
    fr: (p) => `${q(p.value)} n’est pas un nombre entier d’unités`,
  }),
  amount_not_amount: texts<Value>({
    en: (p) => `"${p.value}" is not an amount (12.5)`,
    fr: (p) => `${q(p.value)} n’est pas une quantité (12.5)`,
  }),
  nutriscore_unknown: texts<Value>({
    en: (p) => `"${p.value}" is not a Nutri-Score grade (a to e)`,
    fr: (p) => `${q(p.value)} n’est pas une note Nutri-Score (a à e)`,
  }),

  // effective-dates.ts
  date_not_iso: texts<Value>({
    en: (p) => `"${p.value}" is not an ISO 8601 date and time (2026-03-29T09:00+01:00)`,
    fr: (p) => `${q(p.value)} n’est pas une date et heure ISO 8601 (2026-03-29T09:00+01:00)`,
  }),
  date_offset_no_time: texts<Value>({
    en: (p) => `"${p.value}" has an offset but no time`,
    fr: (p) => `${q(p.value)} a un décalage horaire mais pas d’heure`,
  }),
  date_invalid: texts<Value & { reason: string }>({
    en: (p) => `"${p.value}": ${p.reason}`,
    fr: (p) => `${q(p.value)}${NNBSP}: ${p.reason}`,
  }),
  dates_not_range: texts<Value>({
    en: (p) => `"${p.value}" is not "start/end" (2026-03-01T00:00/2026-03-31T23:59)`,
    fr: (p) =>
      `${q(p.value)} n’est pas «${NNBSP}début/fin${NNBSP}» (2026-03-01T00:00/2026-03-31T23:59)`,
  }),
  dates_reversed: texts<Value>({
    en: (p) => `"${p.value}" ends before it starts`,
    fr: (p) => `${q(p.value)} finit avant de commencer`,
  }),

  // line-values.ts, product-line.ts, store-line.ts
  repeated: texts<{ count: number }>({
    en: (p) => `given ${p.count} times: the first is kept`,
    fr: (p) => `donné ${p.count} fois${NNBSP}: le premier est gardé`,
  }),
  cut: texts<{ length: number; max: number }>({
    en: (p) => `${p.length} characters: cut to ${p.max}`,
    fr: (p) => `${p.length} caractères${NNBSP}: coupé à ${p.max}`,
  }),
  required: texts<{ column: string }>({
    en: (p) => `${p.column} is required`,
    fr: (p) => `${p.column} est obligatoire`,
  }),
  id_invalid: texts<Value & { max: number }>({
    en: (p) => `"${p.value}" is not an id (at most ${p.max} printable characters)`,
    fr: (p) => `${q(p.value)} n’est pas un identifiant (${p.max} caractères imprimables au plus)`,
  }),
  link_invalid: texts<Value>({
    en: (p) => `"${p.value}" is not an http(s) link: left out`,
    fr: (p) => `${q(p.value)} n’est pas un lien http(s)${NNBSP}: ignoré`,
  }),
  type_levels: texts<{ levels: number; max: number }>({
    en: (p) => `${p.levels} levels: cut to ${p.max}`,
    fr: (p) => `${p.levels} niveaux${NNBSP}: coupé à ${p.max}`,
  }),
  position_invalid: texts({
    en: () => 'a position needs a latitude (±90) and a longitude (±180): left out',
    fr: () => `une position demande une latitude (±90) et une longitude (±180)${NNBSP}: ignorée`,
  }),
  kind_unknown: texts<Value>({
    en: (p) => `"${p.value}" is neither store nor online: left out`,
    fr: (p) => `${q(p.value)} n’est ni store ni online${NNBSP}: ignoré`,
  }),

  // line-prices.ts, product-sale.ts
  price_other_currency: texts<{ currency: string; store: string }>({
    en: (p) => `price in ${p.currency}; this store sells in ${p.store}`,
    fr: (p) => `prix en ${p.currency}${NNBSP}; ce magasin vend en ${p.store}`,
  }),
  dates_without_sale: texts({
    en: () => 'dates without a sale_price: left out',
    fr: () => `des dates sans sale_price${NNBSP}: ignorées`,
  }),
  sale_not_below: texts({
    en: () => 'a sale price must be below the price: the sale is left out',
    fr: () => `un prix soldé doit être sous le prix${NNBSP}: la promotion est ignorée`,
  }),

  // vitrine-columns.ts, food-line.ts
  department_not_slug: texts<Value>({
    en: (p) => `"${p.value}" is not a slug (a-z, 0-9, dashes): left out`,
    fr: (p) => `${q(p.value)} n’est pas un slug (a-z, 0-9, tirets)${NNBSP}: ignoré`,
  }),
  swatch_invalid: texts<Value>({
    en: (p) => `"${p.value}" is not a colour written #rrggbb: left out`,
    fr: (p) => `${q(p.value)} n’est pas une couleur écrite #rrggbb${NNBSP}: ignorée`,
  }),
  detail_invalid: texts<Value>({
    en: (p) => `"${p.value}" is not section:name:value: left out`,
    fr: (p) => `${q(p.value)} n’est pas section:nom:valeur${NNBSP}: ignoré`,
  }),
  nutrition_basis: texts<Value>({
    en: (p) => `"${p.value}": only per 100 g or 100 ml is read; nutriments left out`,
    fr: (p) => `${q(p.value)}${NNBSP}: seuls 100 g ou 100 ml sont lus${NNBSP}; nutriments ignorés`,
  }),

  // product-doc.ts, duplicates.ts
  id_unkeyable: texts({
    en: () => 'an id this long with these characters cannot key stock (64 at most once escaped)',
    fr: () =>
      'un identifiant aussi long avec ces caractères ne peut pas servir de clé de stock (64 au plus une fois échappé)',
  }),
  gtin_on_sibling: texts<{ gtin: string }>({
    en: (p) => `GTIN ${p.gtin} is on another item of this product: kept there only`,
    fr: (p) =>
      `le GTIN ${p.gtin} est sur un autre article de ce produit${NNBSP}: gardé là seulement`,
  }),
  gtin_owned: texts<{ gtin: string; owner: string }>({
    en: (p) =>
      `GTIN ${p.gtin} belongs to product ${p.owner}: this item is kept without it (not scannable)`,
    fr: (p) =>
      `le GTIN ${p.gtin} appartient au produit ${p.owner}${NNBSP}: cet article est gardé sans lui (pas scannable)`,
  }),
  no_type: texts<{ other: string }>({
    en: (p) => `no product_type: filed under "${p.other}"`,
    fr: (p) => `pas de product_type${NNBSP}: classé sous ${q(p.other)}`,
  }),
  group_gtin_owned: texts<{ gtin: string; owner: string }>({
    en: (p) => `GTIN ${p.gtin} belongs to product ${p.owner}: left out`,
    fr: (p) => `le GTIN ${p.gtin} appartient au produit ${p.owner}${NNBSP}: ignoré`,
  }),
  product_unbuildable: texts<{ reason: string }>({
    en: (p) => `the product cannot be built: ${p.reason}`,
    fr: (p) => `le produit ne peut pas être construit${NNBSP}: ${p.reason}`,
  }),
  id_duplicate: texts<{ id: string; first: number }>({
    en: (p) => `id "${p.id}" is already on line ${p.first}: this line is refused`,
    fr: (p) =>
      `l’identifiant ${q(p.id)} est déjà ligne ${p.first}${NNBSP}: cette ligne est refusée`,
  }),
  gtin_duplicate: texts<{ gtin: string; line: number; id: string }>({
    en: (p) =>
      `GTIN ${p.gtin} is already on line ${p.line} (id "${p.id}"): kept without it (not scannable)`,
    fr: (p) =>
      `le GTIN ${p.gtin} est déjà ligne ${p.line} (identifiant ${q(p.id)})${NNBSP}: gardé sans lui (pas scannable)`,
  }),

  // store-server/src/import
  column_unknown: texts<{ name: string }>({
    en: (p) => `unknown column "${p.name}": ignored`,
    fr: (p) => `colonne inconnue ${q(p.name)}${NNBSP}: ignorée`,
  }),
  feed_empty: texts({ en: () => 'the feed has no lines', fr: () => 'le flux n’a aucune ligne' }),
  store_unknown: texts<{ code: string }>({
    en: (p) => `store ${p.code} was not known: added, named by its code`,
    fr: (p) => `le magasin ${p.code} n’était pas connu${NNBSP}: ajouté, nommé par son code`,
  }),
  item_outside_feed: texts<{ id: string; owner: string }>({
    en: (p) =>
      `item ${p.id} belongs to product ${p.owner}, which this incremental feed does not include: refused`,
    fr: (p) =>
      `l’article ${p.id} appartient au produit ${p.owner}, absent de ce flux partiel${NNBSP}: refusé`,
  }),
  stock_without_product: texts<{ id: string }>({
    en: (p) => `no product has item ${p.id}: its stock is left out`,
    fr: (p) => `aucun produit n’a l’article ${p.id}${NNBSP}: son stock est ignoré`,
  }),
  inventory_duplicate: texts<{ first: number }>({
    en: (p) => `the same item and store as line ${p.first}: this line is ignored`,
    fr: (p) =>
      `le même article et magasin que la ligne ${p.first}${NNBSP}: cette ligne est ignorée`,
  }),
  store_duplicate: texts<{ code: string }>({
    en: (p) => `store ${p.code} is already on an earlier line: this line is ignored`,
    fr: (p) =>
      `le magasin ${p.code} est déjà sur une ligne précédente${NNBSP}: cette ligne est ignorée`,
  }),

  // Why a whole import was refused (core/feed/import-policy.ts): the job's reason, not a line's.
  policy_no_product: texts<{ file: string }>({
    en: (p) => `${p.file}: a full import needs at least one valid product line`,
    fr: (p) =>
      `${p.file}${NNBSP}: un import complet doit avoir au moins une ligne produit valable (sinon il retirerait tout le catalogue)`,
  }),
  policy_bad_lines: texts<{
    file: string;
    rejected: number;
    lines: number;
    percent: number;
    max: number;
  }>({
    en: (p) =>
      `${p.file}: ${p.rejected} of ${p.lines} lines refused (${Number(p.percent).toFixed(1)} %), above the ${p.max} % this chain allows`,
    fr: (p) =>
      `${p.file}${NNBSP}: ${plural('fr', p.rejected, { one: '# ligne refusée', other: '# lignes refusées' })} sur ${p.lines} (${frenchNumber(p.percent, 1)}${NNBSP}%), au-delà du seuil de ${frenchNumber(p.max)}${NNBSP}% fixé par l’enseigne`,
  }),
};

export type ReportCode = keyof typeof REPORT_TEXTS;
type ParamsOf<C extends ReportCode> = (typeof REPORT_TEXTS)[C] extends Texts<infer P> ? P : never;

export const REPORT_CODES = Object.keys(REPORT_TEXTS) as ReportCode[];

/** A message with the parameters its code's texts need. */
export function reportMessage<C extends ReportCode>(
  code: C,
  ...params: keyof ParamsOf<C> extends never ? [] : [ParamsOf<C>]
): ReportMessage {
  return { code, params: params[0] ?? {} };
}

const isCode = (code: string): code is ReportCode => Object.hasOwn(REPORT_TEXTS, code);

/** The message in a language, or undefined for a code this build does not know. */
export function reportText(message: ReportMessage, lang: ReportLang): string | undefined {
  if (!isCode(message.code)) return undefined;
  const rendered: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params)) {
    if (typeof value !== 'object') rendered[name] = value;
    else {
      const inner = reportText(value, lang);
      if (inner === undefined) return undefined;
      rendered[name] = inner;
    }
  }
  const text = (REPORT_TEXTS[message.code][lang] as (p: Record<string, string | number>) => string)(
    rendered,
  );
  return text;
}

/** `problem` (English, as the CLI and the TSV read it) and the message, for a report entry. */
export function reported(message: ReportMessage): { problem: string; message: ReportMessage } {
  return { problem: reportText(message, 'en')!, message };
}

/** An entry's text in a language: its message when this build knows the code, else its English problem. */
export function entryText(
  entry: { problem: string; message?: ReportMessage | undefined },
  lang: ReportLang,
): string {
  return (entry.message && reportText(entry.message, lang)) ?? entry.problem;
}
