// A device trusts its store server's TLS certificate only when the store's own
// CA, pinned at enrolment, issued it. These are the decisions, over plain
// certificates (PEM), for the shell's main process (Electron's
// setCertificateVerifyProc) and for Node clients alike; store-contact.ts does
// the network part.
import { createHash, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { TrustBundle, type CertificateFingerprint } from '../core/store-trust';
import { parseUnknown, type Result } from '../core/parse';

/** The CA certificates (PEM) a device trusts for its store; never empty once enrolled. */
export type StorePins = readonly string[];

function parseCertificate(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

function validAt(cert: X509Certificate, now: Date): boolean {
  return new Date(cert.validFrom) <= now && now <= new Date(cert.validTo);
}

function namesHost(cert: X509Certificate, hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return isIP(host)
    ? cert.checkIP(host) !== undefined
    : cert.checkHost(host, { wildcards: false }) !== undefined;
}

/** True when `ca` is a CA certificate that signed `cert`. */
function issuedBy(cert: X509Certificate, ca: X509Certificate): boolean {
  return ca.ca && cert.checkIssued(ca) && cert.verify(ca.publicKey);
}

/**
 * Accepts the server's certificate (the chain's first, PEM) only if one of the
 * pinned CAs signed it, both are valid now, and it names `hostname`. The rest
 * of the chain the server sent is ignored: only the pins are trusted.
 */
export function verifyStoreCertificate(
  input: { hostname: string; chain: readonly string[] },
  pins: StorePins,
  now = new Date(),
): Result<null> {
  const leaf = input.chain[0] ? parseCertificate(input.chain[0]) : undefined;
  if (!leaf) return { ok: false, error: 'the server sent no readable certificate' };
  if (!validAt(leaf, now))
    return { ok: false, error: `the server certificate is not valid now (until ${leaf.validTo})` };
  if (!namesHost(leaf, input.hostname))
    return { ok: false, error: `the server certificate does not name ${input.hostname}` };
  const issuer = pins
    .map(parseCertificate)
    .find((ca): ca is X509Certificate => !!ca && validAt(ca, now) && issuedBy(leaf, ca));
  if (!issuer)
    return {
      ok: false,
      error: "the server certificate was not issued by this store's certificate authority",
    };
  return { ok: true, value: null };
}

export function fingerprintOf(certPem: string): CertificateFingerprint {
  return new X509Certificate(certPem).fingerprint256;
}

/**
 * First contact, before any pin: the CA to pin from the chain a server
 * presented, if it is a self-signed CA that issued the server's certificate.
 * With `expected` (from the installer's device config) anything else is
 * refused; without it, the caller must show the fingerprint to staff, who
 * compare it with the one on the console's approval screen.
 */
export function caToPin(
  input: { hostname: string; chain: readonly string[] },
  expected: CertificateFingerprint | undefined,
  now = new Date(),
): Result<string> {
  const top = input.chain.at(-1);
  const ca = top && input.chain.length > 1 ? parseCertificate(top) : undefined;
  if (!ca || !ca.ca || !ca.checkIssued(ca) || !ca.verify(ca.publicKey))
    return { ok: false, error: 'the server did not present a store certificate authority' };
  if (expected && ca.fingerprint256 !== expected)
    return {
      ok: false,
      error: `the server's certificate authority is ${ca.fingerprint256}, not the expected ${expected}`,
    };
  const caPem = ca.toString();
  const verdict = verifyStoreCertificate(input, [caPem], now);
  return verdict.ok ? { ok: true, value: caPem } : verdict;
}

/**
 * The pins after the store published its trust bundle over a connection the
 * current pins verified (a CA rotation): the bundle's CAs. Refused if the
 * bundle does not parse or its fingerprint is not its first CA.
 */
export function pinsFromBundle(input: unknown): Result<string[]> {
  const parsed = parseUnknown(TrustBundle, input);
  if (!parsed.ok) return parsed;
  const [current] = parsed.value.caCertificates;
  if (!current || parseCertificate(current)?.fingerprint256 !== parsed.value.fingerprint)
    return { ok: false, error: 'the trust bundle fingerprint is not its first CA' };
  if (parsed.value.caCertificates.some((pem) => !parseCertificate(pem)?.ca))
    return { ok: false, error: 'the trust bundle holds a certificate that is not a CA' };
  return { ok: true, value: parsed.value.caCertificates };
}

/** base64 SHA-256 of a certificate's public key (SPKI): what Chromium's
 * --ignore-certificate-errors-spki-list pins. */
export function spkiHash(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/** Electron's Certificate (data is PEM, issuerCert the next in the chain) as a PEM chain. */
export function chainOfElectronCertificate(certificate: ElectronCertificateLike): string[] {
  const chain: string[] = [];
  for (
    let cert: ElectronCertificateLike | undefined = certificate;
    cert && chain.length < 5;
    cert = cert.issuerCert
  ) {
    chain.push(cert.data);
    if (cert.issuerCert === cert) break;
  }
  return chain;
}

export type ElectronCertificateLike = { data: string; issuerCert?: ElectronCertificateLike };
