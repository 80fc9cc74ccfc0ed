// How staff reach a shopper about a reservation or an order: a name and a phone
// number or an e-mail address, given with the shopper's consent. Personal
// data: the store server keeps it only while the request is open (see
// docs/operations.md, "Shopper contact details").
import { z } from 'zod';

/** The longest a store keeps a contact, even on a request nobody closed (the consent text says it). */
export const CONTACT_RETENTION_DAYS = 30;

/** Phone numbers as people write them: spaces, dots, dashes and brackets allowed; 8 to 15 digits. */
const Phone = z
  .string()
  .trim()
  .max(24)
  .refine((value) => /^\+?\d{8,15}$/.test(value.replace(/[\s.()-]/g, '')), 'a phone number');

export const ShopperContact = z
  .object({
    name: z.string().trim().min(2).max(80),
    phone: Phone.optional(),
    email: z.email().max(120).optional(),
    /** The shopper ticked the consent text (use for this request only). */
    consent: z.literal(true),
  })
  .refine((contact) => !!contact.phone || !!contact.email, {
    message: 'a phone number or an e-mail address',
    path: ['phone'],
  });
export type ShopperContact = z.infer<typeof ShopperContact>;

/** The contact as staff read it with a request (no consent flag: a stored contact had it). */
export const StaffContact = z.object({
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type StaffContact = z.infer<typeof StaffContact>;
