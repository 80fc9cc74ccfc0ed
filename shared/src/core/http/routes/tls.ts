// TLS over HTTP: the trust bundle (public: a CA certificate is no secret), the
// CA certificate to install on a tablet, the certificates' state for IT, and
// the CA rotation steps (docs/operations.md, "TLS in the store").
import { z } from 'zod';
import { CertificateFingerprint, TrustBundle } from '../../store-trust';
import { admin, anyone, route } from '../route';

export const TlsStatus = z.object({
  caFingerprint: CertificateFingerprint,
  caNotAfter: z.iso.datetime(),
  serverNotAfter: z.iso.datetime(),
  serverHosts: z.array(z.string()).readonly(),
  rotation: z.enum(['steady', 'next-published', 'switched']),
  nextCaFingerprint: CertificateFingerprint.nullable(),
  previousCaFingerprint: CertificateFingerprint.nullable(),
});
export type TlsStatus = z.infer<typeof TlsStatus>;

export const RotationRequest = z.object({ step: z.enum(['begin', 'switch', 'finish']) });

export const tlsRoutes = {
  trust: route({
    method: 'GET',
    path: '/tls/trust',
    summary: 'The CA certificates devices should trust now (404 when the server runs plain HTTP)',
    auth: anyone,
    response: TrustBundle,
  }),
  caCertificate: route({
    method: 'GET',
    path: '/tls/ca.crt',
    summary: "The store's CA certificate, to install on a tablet (compare the fingerprint)",
    auth: anyone,
    response: { raw: 'application/x-x509-ca-cert' },
  }),
  status: route({
    method: 'GET',
    path: '/tls/status',
    summary: 'Certificates, their end dates and the rotation state',
    auth: admin,
    response: TlsStatus,
  }),
  rotate: route({
    method: 'POST',
    path: '/tls/ca-rotation',
    summary: 'One step of a CA rotation: begin, switch, finish (409 out of order)',
    auth: admin,
    body: RotationRequest,
    response: TlsStatus,
  }),
} as const;
