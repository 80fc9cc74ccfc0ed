// "Continue on your phone": a kiosk or a mirror turns what the shopper looked at (a product, the
// assistant's answers) into a short-lived link the phone opens from a QR code, on the store's
// guest network. No sign-in, no personal data: the link names only products, and expires.
import { z } from 'zod';
import { PROTOCOL_VERSION } from '../../protocol';
import { device, route } from '../route';

export const ShortlistRequest = z
  .object({
    productIds: z.array(z.string().min(1).max(64)).min(1).max(12),
    lang: z.enum(['fr', 'en']),
  })
  .strict();

export const ShortlistCreated = z.object({
  v: z.literal(PROTOCOL_VERSION),
  url: z.string(),
  expiresAt: z.iso.datetime(),
});
export type ShortlistCreated = z.infer<typeof ShortlistCreated>;

/** A shortlist link's token: 32 random bytes in base64url. */
export const ShortlistToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a 43-character token');

export const shortlistRoutes = {
  create: route({
    method: 'POST',
    path: '/shortlists',
    summary: 'A kiosk or mirror makes a short-lived link to products, for the shopper’s phone',
    auth: device(),
    body: ShortlistRequest,
    response: ShortlistCreated,
    status: 201,
  }),
} as const;
