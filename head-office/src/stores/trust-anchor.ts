// Head office's Ed25519 signing key, as far as enrolment needs it: the public half (the trust
// anchor) goes to every store. The key is a file in head office's data directory (0600),
// created on first use; the campaign workflow signs with the same file.
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrustAnchor } from '@vitrine/shared/core';

export function loadTrustAnchor(dataDir: string): TrustAnchor {
  const dir = join(dataDir, 'signing');
  const file = join(dir, 'ed25519-private.pem');
  let privateKey: KeyObject;
  if (existsSync(file)) {
    privateKey = createPrivateKey(readFileSync(file));
  } else {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    privateKey = generateKeyPairSync('ed25519').privateKey;
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  const x = privateKey.export({ format: 'jwk' }).x;
  if (!x) throw new Error(`${file}: not an Ed25519 key`);
  const raw = Buffer.from(x, 'base64url');
  return {
    keyId: `ho-${createHash('sha256').update(raw).digest('hex').slice(0, 16)}`,
    publicKey: x,
  };
}
