// Sharing a look from the mirror: what the mirror uploads, what the store
// server answers, and the limits both sides hold to. The photo is re-encoded
// by the server; the link is random (256 bits), short-lived and deletable.
import { z } from 'zod';
import { PROTOCOL_VERSION } from '../protocol';

export const LOOK_UPLOAD_TYPES = ['image/jpeg', 'image/png'] as const;
export const MAX_LOOK_UPLOAD_BYTES = 3 * 1024 * 1024;
export const LOOK_MIN_SIDE = 320;
export const LOOK_MAX_SIDE = 2048;
/** Default life of a shared look; the store server's `--look-ttl-hours` changes it. */
export const DEFAULT_LOOK_TTL_HOURS = 24;

/** A share token: 32 random bytes, base64url (43 characters). */
export const LookToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a 43-character share token');

/** What a mirror says of the photo it shares: the products in it (`a,b`) and the page's language. */
export const LookUploadQuery = z.object({
  products: z
    .string()
    .max(400)
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(z.string().min(1).max(64)).max(8)),
  lang: z.enum(['fr', 'en']).default('fr'),
});

export const SharedLookCreated = z.object({
  v: z.literal(PROTOCOL_VERSION),
  /** The phone page: `{origin}/look/{token}`. */
  url: z.url(),
  expiresAt: z.iso.datetime(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type SharedLookCreated = z.infer<typeof SharedLookCreated>;
