// The network side of pinning, in plain Node (the shell's main process and
// Node clients): read the chain a server presents, and fetch the store's
// trust bundle over a connection that only the pinned CAs can satisfy.
import { X509Certificate } from 'node:crypto';
import { get } from 'node:https';
import { isIP } from 'node:net';
import { connect, type PeerCertificate } from 'node:tls';
import { routeUrl } from '../core/http/api-client';
import { apiRoutes } from '../core/http/api-routes';
import type { Result } from '../core/parse';
import { pinsFromBundle, type StorePins } from './store-pin';

const TIMEOUT_MS = 10_000;

function hostAndPort(url: URL): { host: string; port: number } {
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 443) };
}

/**
 * The certificate chain an HTTPS server presents, leaf first (PEM). Nothing is
 * verified here and nothing is sent: this is only for first contact, whose
 * result goes through caToPin and, without an expected fingerprint, past staff.
 */
export function readServerChain(serverUrl: string): Promise<string[]> {
  const url = new URL(serverUrl);
  const { host, port } = hostAndPort(url);
  return new Promise((resolve, reject) => {
    const socket = connect({
      host,
      port,
      servername: isIP(host) ? undefined : host,
      rejectUnauthorized: false,
      timeout: TIMEOUT_MS,
    });
    socket.once('secureConnect', () => {
      const chain: string[] = [];
      let cert: PeerCertificate | undefined = socket.getPeerCertificate(true);
      while (cert?.raw && chain.length < 5) {
        chain.push(new X509Certificate(cert.raw).toString());
        const next: PeerCertificate | undefined = (cert as { issuerCertificate?: PeerCertificate })
          .issuerCertificate;
        cert = next && next !== cert ? next : undefined;
      }
      socket.end();
      resolve(chain);
    });
    socket.once('timeout', () => socket.destroy(new Error(`no TLS answer from ${url.host}`)));
    socket.once('error', reject);
  });
}

/** TLS options for Node clients (https, ws, mqtt, undici) that trust the pins and nothing else. */
export function pinnedTlsOptions(pins: StorePins): { ca: string[]; rejectUnauthorized: true } {
  return { ca: [...pins], rejectUnauthorized: true };
}

/** The store's current trust bundle, read over a connection the pins verify; the new pins. */
export function fetchPinsFromStore(serverUrl: string, pins: StorePins): Promise<Result<string[]>> {
  const url = new URL(routeUrl('', apiRoutes.tls.trust, {}), serverUrl);
  return new Promise((resolve) => {
    const request = get(url, { ...pinnedTlsOptions(pins), timeout: TIMEOUT_MS }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on(
        'data',
        (chunk: string) => (body += chunk.length + body.length < 64_000 ? chunk : ''),
      );
      response.on('end', () => {
        if (response.statusCode !== 200)
          return resolve({ ok: false, error: `trust bundle: HTTP ${response.statusCode}` });
        try {
          resolve(pinsFromBundle(JSON.parse(body)));
        } catch {
          resolve({ ok: false, error: 'trust bundle: not JSON' });
        }
      });
    });
    request.once('timeout', () => request.destroy(new Error('trust bundle: no answer')));
    request.once('error', (error) => resolve({ ok: false, error: error.message }));
  });
}
