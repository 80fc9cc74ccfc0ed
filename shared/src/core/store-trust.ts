// The store's certificate authority as devices see it: which CA certificates
// to trust for this store's HTTPS, WSS and MQTTS. Sent in the enrolment answer
// and in every /devices/me, so a CA rotation reaches enrolled devices over the
// channel they already trust.
import { z } from 'zod';

/** SHA-256 of a certificate's DER, uppercase hex in colon-separated pairs (as browsers show it). */
export const CertificateFingerprint = z
  .string()
  .regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'a SHA-256 fingerprint, AB:CD:… (32 pairs)');
export type CertificateFingerprint = z.infer<typeof CertificateFingerprint>;

const PemCertificate = z
  .string()
  .max(8_000)
  .regex(/^-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\r?\n?$/);

export const TrustBundle = z.object({
  v: z.literal(1),
  /** The CA that signs the server certificate now. */
  fingerprint: CertificateFingerprint,
  /** Every CA a device should trust now: the current one first, then, during a
   * rotation, the next or the previous one. */
  caCertificates: z.array(PemCertificate).min(1).max(3),
});
export type TrustBundle = z.infer<typeof TrustBundle>;

/** The first 8 pairs of a fingerprint, what a screen shows beside its pairing code. */
export function shortFingerprint(fingerprint: string): string {
  return fingerprint.split(':').slice(0, 8).join(':');
}
