// The head-office Ed25519 key pair that signs campaigns. Head office keeps it in
// its data directory, and so does a standalone store server, which plays head
// office for the demo: a file readable by the server only, never in the
// database and never in synced data. Stores and players trust the public key alone.
import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  canonicalJson,
  type SignedCampaign,
  type SignedContent,
  type TrustAnchor,
} from '@vitrine/shared/core';

export type HeadOfficeKey = {
  anchor: TrustAnchor;
  sign: (content: SignedContent) => SignedCampaign;
};

/** A standalone store server's key: `<dataDir>/head-office/ed25519-private.pem`. */
export function loadHeadOfficeKey(dataDir: string): HeadOfficeKey {
  return loadSigningKey(join(dataDir, 'head-office'));
}

/** The key pair in `<dir>/ed25519-private.pem`, created (0600, in a 0700 dir) on first use. */
export function loadSigningKey(dir: string): HeadOfficeKey {
  const file = join(dir, 'ed25519-private.pem');
  let privateKey: KeyObject;
  if (existsSync(file)) {
    privateKey = createPrivateKey(readFileSync(file));
  } else {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    privateKey = generateKeyPairSync('ed25519').privateKey;
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  const jwk = privateKey.export({ format: 'jwk' });
  if (!jwk.x) throw new Error('head-office key: not an Ed25519 key');
  const raw = Buffer.from(jwk.x, 'base64url');
  const anchor: TrustAnchor = {
    keyId: `ho-${createHash('sha256').update(raw).digest('hex').slice(0, 16)}`,
    publicKey: jwk.x,
  };
  return {
    anchor,
    sign: (content) => {
      const payload = canonicalJson(content);
      const signature = sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64url');
      return { id: content.id, payload, signature, keyId: anchor.keyId };
    },
  };
}
