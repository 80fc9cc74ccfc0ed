// Makes the store's certificates with @peculiar/x509 over Node's WebCrypto:
// an ECDSA P-256 certificate authority and server certificates it signs.
// reflect-metadata must load first: @peculiar/x509's dependency injection needs it.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

type CryptoKey = webcrypto.CryptoKey;
const crypto = webcrypto;
// Node's webcrypto is the WebCrypto the library expects; only the type names differ.
x509.cryptoProvider.set(crypto as never);

const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY_MS = 86_400_000;

/** A certificate and its private key, both PEM. */
export type KeyedCertificate = { certPem: string; keyPem: string };

/** PEM ending in a newline, so certificates can be concatenated into a chain. */
function withNewline(pem: string): string {
  return pem.endsWith('\n') ? pem : `${pem}\n`;
}

async function newKeyPair(): Promise<webcrypto.CryptoKeyPair> {
  return crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
}

async function keyPem(key: CryptoKey): Promise<string> {
  const der = await crypto.subtle.exportKey('pkcs8', key);
  return withNewline(x509.PemConverter.encode(der, 'PRIVATE KEY'));
}

async function importSigningKey(pem: string): Promise<CryptoKey> {
  const der = x509.PemConverter.decodeFirst(pem);
  return crypto.subtle.importKey('pkcs8', der, KEY_ALGORITHM, false, ['sign']);
}

/** A distinguished-name value safe to put in "CN=…, O=…" text. */
function dnValue(text: string): string {
  return text.replace(/[^A-Za-z0-9 _.-]/g, '-').slice(0, 60);
}

/** A self-signed CA that may sign server certificates only (pathLen 0). */
export async function createAuthority(options: {
  storeId: string;
  now: Date;
  days: number;
}): Promise<KeyedCertificate> {
  const keys = await newKeyPair();
  const name = `CN=Vitrine store CA ${dnValue(options.storeId)} ${options.now.toISOString().slice(0, 10)}, O=Vitrine`;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name,
    notBefore: new Date(options.now.getTime() - 5 * 60_000),
    notAfter: new Date(options.now.getTime() + options.days * DAY_MS),
    keys,
    signingAlgorithm: SIGNING,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: withNewline(cert.toString('pem')), keyPem: await keyPem(keys.privateKey) };
}

/** A server certificate for `hosts` (DNS names or IP addresses), signed by `authority`. */
export async function issueServerCertificate(options: {
  authority: KeyedCertificate;
  storeId: string;
  hosts: readonly string[];
  now: Date;
  days: number;
}): Promise<KeyedCertificate> {
  const keys = await newKeyPair();
  const caCert = new x509.X509Certificate(options.authority.certPem);
  const names = options.hosts.map((host) =>
    isIP(host) ? { type: 'ip' as const, value: host } : { type: 'dns' as const, value: host },
  );
  const cert = await x509.X509CertificateGenerator.create({
    subject: `CN=${dnValue(options.hosts[0] ?? options.storeId)}, O=Vitrine ${dnValue(options.storeId)}`,
    issuer: caCert.subject,
    notBefore: new Date(options.now.getTime() - 5 * 60_000),
    notAfter: new Date(options.now.getTime() + options.days * DAY_MS),
    publicKey: keys.publicKey,
    signingKey: await importSigningKey(options.authority.keyPem),
    signingAlgorithm: SIGNING,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  return { certPem: withNewline(cert.toString('pem')), keyPem: await keyPem(keys.privateKey) };
}

/** SHA-256 of the certificate's DER, AB:CD:… as browsers and openssl show it. */
export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

/** When the certificate stops being valid. */
export function notAfterOf(certPem: string): Date {
  return new Date(new X509Certificate(certPem).validTo);
}
