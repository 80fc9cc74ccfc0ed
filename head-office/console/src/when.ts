// An instant as the console shows it: the person's own clock, in the console's language.
export function when(iso: string | null, locale: string, never: string): string {
  if (!iso) return never;
  return new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium' });
}
