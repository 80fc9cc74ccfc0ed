// How staff open a touchpoint's staff overlay (diagnostics): a PIN, checked on
// the device against a salted PBKDF2 hash, or a staff badge scan, checked
// against SHA-256 hashes of badge codes. Both are verified from the local copy,
// so the overlay opens with the store server down, which is when it is needed.
// WebCrypto only: runs in browsers and in Node alike.
import { z } from 'zod';

const Base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');
const PIN_FORMAT = /^\d{4,12}$/;
const BADGE_FORMAT = /^[A-Za-z0-9-]{6,64}$/;

export const StaffPinHash = z.object({
  algorithm: z.literal('pbkdf2-sha256'),
  iterations: z.number().int().min(100_000).max(5_000_000),
  salt: Base64,
  hash: Base64,
});
export type StaffPinHash = z.infer<typeof StaffPinHash>;

export const StaffAccess = z.object({
  pin: StaffPinHash.optional(),
  /** SHA-256 (hex) of each staff badge's code. */
  badges: z.array(z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest')).max(1_000),
});
export type StaffAccess = z.infer<typeof StaffAccess>;

const encoder = new TextEncoder();
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(
  pin: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export const isValidStaffPin = (pin: string) => PIN_FORMAT.test(pin);
export const isStaffBadgeFormat = (code: string) => BADGE_FORMAT.test(code);

export async function hashStaffPin(
  pin: string,
  iterations = 310_000,
  salt: Uint8Array<ArrayBuffer> = crypto.getRandomValues(new Uint8Array(16)),
): Promise<StaffPinHash> {
  if (!isValidStaffPin(pin)) throw new Error('a staff PIN is 4 to 12 digits');
  const hash = await derive(pin, salt, iterations);
  return { algorithm: 'pbkdf2-sha256', iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

export async function verifyStaffPin(pin: string, stored: StaffPinHash): Promise<boolean> {
  if (!isValidStaffPin(pin)) return false;
  const expected = fromBase64(stored.hash);
  const actual = await derive(pin, fromBase64(stored.salt), stored.iterations);
  // Constant-time comparison: no early exit on the first differing byte.
  let diff = expected.length ^ actual.length;
  for (let i = 0; i < actual.length; i++) diff |= actual[i]! ^ (expected[i] ?? 0);
  return diff === 0;
}

export async function hashStaffBadge(code: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(code));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function isStaffBadge(
  code: string,
  access: StaffAccess | undefined,
): Promise<boolean> {
  if (!access || access.badges.length === 0 || !isStaffBadgeFormat(code)) return false;
  return access.badges.includes(await hashStaffBadge(code));
}
