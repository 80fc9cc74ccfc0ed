/** Euros as a reader of the console's locale writes them (fr-FR: "12,50 €", en-GB: "€12.50"). */
export const euros = (cents: number, locale = 'fr-FR') =>
  (cents / 100).toLocaleString(locale, { style: 'currency', currency: 'EUR' });
