// GTIN (EAN-13/8, UPC-A/E as GTIN-12, GTIN-14) check digits and normalisation.
// Every code a device reads is normalised to a 14-digit GTIN before lookup, so
// "3017620422003" (EAN-13) and "03017620422003" (GTIN-14) find the same product.

/** Mod-10 check digit of the digits before it (GS1 General Specifications §7.9). */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(code)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

/** Expands a UPC-E (8 digits, number system 0 or 1) to its UPC-A form. */
export function expandUpcE(code: string): string | undefined {
  if (!/^[01]\d{7}$/.test(code)) return undefined;
  const [ns, d1, d2, d3, d4, d5, d6, check] = code.split('') as [string, ...string[]];
  let manufacturer: string;
  let item: string;
  switch (d6) {
    case '0':
    case '1':
    case '2':
      manufacturer = `${d1}${d2}${d6}00`;
      item = `00${d3}${d4}${d5}`;
      break;
    case '3':
      manufacturer = `${d1}${d2}${d3}00`;
      item = `000${d4}${d5}`;
      break;
    case '4':
      manufacturer = `${d1}${d2}${d3}${d4}0`;
      item = `0000${d5}`;
      break;
    default:
      manufacturer = `${d1}${d2}${d3}${d4}${d5}`;
      item = `0000${d6}`;
  }
  const upcA = `${ns}${manufacturer}${item}${check}`;
  return isValidGtin(upcA) ? upcA : undefined;
}

/** A valid GTIN padded to 14 digits, or undefined when the code is not one. */
export function normalizeGtin(code: string): string | undefined {
  const digits = code.trim();
  if (!isValidGtin(digits)) return undefined;
  return digits.padStart(14, '0');
}

/** The shortest usual form: GTIN-14 with leading zeros becomes EAN-13 or EAN-8. */
export function displayGtin(gtin14: string): string {
  if (gtin14.startsWith('000000')) return gtin14.slice(6);
  if (gtin14.startsWith('0')) return gtin14.slice(1);
  return gtin14;
}

/** Builds a valid GTIN-13 from a 12-digit body (used by the demo generator and tests). */
export function makeGtin13(body12: string): string {
  if (!/^\d{12}$/.test(body12)) throw new Error(`GTIN-13 body must be 12 digits, got "${body12}"`);
  return `${body12}${gtinCheckDigit(body12)}`;
}
