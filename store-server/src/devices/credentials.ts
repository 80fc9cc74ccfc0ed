// Device credentials: a random secret shown once, stored only as a hash.
// Secrets carry 256 bits of entropy, so one SHA-256 suffices (no slow KDF needed)
// and a broker can check hundreds of reconnects a second.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Six digits staff can read off a screen and type on a tablet. */
export function newPairingCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** `Authorization: Bearer <deviceId>.<secret>` → its parts. */
export function parseDeviceBearer(
  header: string | undefined,
): { deviceId: string; secret: string } | undefined {
  const basic = /^Basic ([A-Za-z0-9+/=]{1,300})$/.exec(header ?? '');
  // A people counter's push can often only carry a user and a password: the same credential.
  const credential = basic
    ? Buffer.from(basic[1]!, 'base64').toString('utf8').replace(':', '.')
    : /^Bearer (.+)$/.exec(header ?? '')?.[1];
  const match = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{20,100})$/.exec(credential ?? '');
  if (!match?.[1] || !match[2]) return undefined;
  return { deviceId: match[1], secret: match[2] };
}
