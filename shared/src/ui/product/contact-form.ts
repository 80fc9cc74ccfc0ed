// The reservation form's fields read through the same schema the store server
// checks (ShopperContact), with the first problem of each field to show.
import { ShopperContact } from '../../core';

export type ContactFields = { name: string; phone: string; email: string; consent: boolean };
type ContactField = keyof ContactFields;
export type ContactErrors = Partial<Record<ContactField, true>>;

export type ContactReading =
  { ok: true; contact: ShopperContact } | { ok: false; errors: ContactErrors };

export function readContactForm(fields: ContactFields): ContactReading {
  const parsed = ShopperContact.safeParse({
    name: fields.name,
    ...(fields.phone.trim() ? { phone: fields.phone } : {}),
    ...(fields.email.trim() ? { email: fields.email.trim() } : {}),
    consent: fields.consent,
  });
  if (parsed.success) return { ok: true, contact: parsed.data };
  // The schema checks "phone or e-mail" only once the fields themselves pass.
  const errors: ContactErrors = !fields.phone.trim() && !fields.email.trim() ? { phone: true } : {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'name' || field === 'phone' || field === 'email' || field === 'consent')
      errors[field] = true;
  }
  return { ok: false, errors };
}
