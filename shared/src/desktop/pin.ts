// Staff exit PIN: only a salted scrypt hash is kept in the config file, and a
// guess is compared in constant time so timing tells nothing about the hash.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const PIN_PATTERN = /^\d{6,12}$/;
/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
const PIN_HASH_PATTERN = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]{16,}\$[A-Za-z0-9_-]{32,}$/;

const COST = { N: 16_384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
// Bounds on parameters read from a config file, so a hostile file cannot make
// every guess cost gigabytes of memory.
const MAX_N = 1 << 20;
const MAX_R = 32;
const MAX_P = 4;

export function isValidPinFormat(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

export function hashPin(pin: string, salt: Buffer = randomBytes(16)): string {
  if (!isValidPinFormat(pin)) throw new Error('a staff PIN is 6 to 12 digits');
  const hash = scryptSync(pin, salt, KEY_BYTES, { ...COST, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), hash.toString('base64url')]
    .map(String)
    .join('$');
}

type ParsedHash = { N: number; r: number; p: number; salt: Buffer; hash: Buffer };

function parsePinHash(stored: string): ParsedHash | undefined {
  if (!PIN_HASH_PATTERN.test(stored)) return undefined;
  const [, n, r, p, salt, hash] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = params.N > 1 && (params.N & (params.N - 1)) === 0;
  if (!powerOfTwo || params.N > MAX_N || params.r < 1 || params.r > MAX_R) return undefined;
  if (params.p < 1 || params.p > MAX_P) return undefined;
  return {
    ...params,
    salt: Buffer.from(salt ?? '', 'base64url'),
    hash: Buffer.from(hash ?? '', 'base64url'),
  };
}

export function isValidPinHash(stored: string): boolean {
  return parsePinHash(stored) !== undefined;
}

/** True when `pin` matches `stored`; never throws on bad input. */
export function verifyPin(pin: string, stored: string): boolean {
  const parsed = parsePinHash(stored);
  if (!parsed || !isValidPinFormat(pin)) return false;
  const { N, r, p, salt, hash } = parsed;
  const maxmem = 128 * N * r * 2;
  const candidate = scryptSync(pin, salt, hash.length, { N, r, p, maxmem });
  return timingSafeEqual(candidate, hash);
}
