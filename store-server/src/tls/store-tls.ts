// The store's TLS material in <data>/tls/: its own certificate authority, made
// on first start, and the server certificate it signs. Renews the server
// certificate before it expires and rotates the CA in three steps (publish the
// next CA, switch to it, drop the old one) so enrolled devices, which trust
// only this CA, are never cut off.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { join } from 'node:path';
import type { TrustBundle } from '@vitrine/shared/core';
import {
  createAuthority,
  fingerprintOf,
  issueServerCertificate,
  notAfterOf,
  type KeyedCertificate,
} from './x509-issue';

const CA_DAYS = 3_650;
/** A server certificate is renewed when fewer days than this remain. */
export const RENEW_BEFORE_DAYS = 30;
const DAY_MS = 86_400_000;

export type RotationStep = 'begin' | 'switch' | 'finish';
export type RotationState = 'steady' | 'next-published' | 'switched';

export class RotationError extends Error {}

type Material = {
  ca: KeyedCertificate;
  server: KeyedCertificate;
  next: KeyedCertificate | undefined;
  previousCertPem: string | undefined;
};

const FILES = {
  caCert: 'ca.crt',
  caKey: 'ca.key',
  serverCert: 'server.crt',
  serverKey: 'server.key',
  nextCert: 'next-ca.crt',
  nextKey: 'next-ca.key',
  previousCert: 'previous-ca.crt',
} as const;

export type StoreTlsOptions = {
  dir: string;
  storeId: string;
  /** Names and addresses the server certificate is valid for. */
  hosts: readonly string[];
  serverCertDays: number;
};

export class StoreTls {
  private readonly listeners = new Set<() => void>();

  private constructor(
    private readonly options: StoreTlsOptions,
    private material: Material,
  ) {}

  /** Loads the store's TLS material, making the CA and server certificate on first start. */
  static async open(options: StoreTlsOptions, now = new Date()): Promise<StoreTls> {
    mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    const read = (name: string) => {
      const path = join(options.dir, name);
      return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    };
    const pair = (cert: string, key: string): KeyedCertificate | undefined => {
      const certPem = read(cert);
      const keyPem = read(key);
      return certPem && keyPem ? { certPem, keyPem } : undefined;
    };
    let ca = pair(FILES.caCert, FILES.caKey);
    if (!ca) {
      ca = await createAuthority({ storeId: options.storeId, now, days: CA_DAYS });
      writeKeyed(options.dir, FILES.caCert, FILES.caKey, ca);
    }
    let server = pair(FILES.serverCert, FILES.serverKey);
    if (!server) {
      server = await issueServerCertificate({
        authority: ca,
        storeId: options.storeId,
        hosts: options.hosts,
        now,
        days: options.serverCertDays,
      });
      writeKeyed(options.dir, FILES.serverCert, FILES.serverKey, server);
    }
    const tls = new StoreTls(options, {
      ca,
      server,
      next: pair(FILES.nextCert, FILES.nextKey),
      previousCertPem: read(FILES.previousCert),
    });
    await tls.renewIfDue(now);
    return tls;
  }

  /** Called after the server certificate changed, to load it into the listeners. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What a TLS listener serves: the server certificate, then the CA that signed it. */
  secureContext(): { key: string; cert: string } {
    return {
      key: this.material.server.keyPem,
      cert: this.material.server.certPem + this.material.ca.certPem,
    };
  }

  caCertificatePem(): string {
    return this.material.ca.certPem;
  }

  serverCertificatePem(): string {
    return this.material.server.certPem;
  }

  trustBundle(): TrustBundle {
    const { ca, next, previousCertPem } = this.material;
    const others = [next?.certPem, previousCertPem].filter((pem): pem is string => !!pem);
    return {
      v: 1,
      fingerprint: fingerprintOf(ca.certPem),
      caCertificates: [ca.certPem, ...others],
    };
  }

  rotationState(): RotationState {
    if (this.material.next) return 'next-published';
    if (this.material.previousCertPem) return 'switched';
    return 'steady';
  }

  status() {
    const { ca, server, next, previousCertPem } = this.material;
    return {
      caFingerprint: fingerprintOf(ca.certPem),
      caNotAfter: notAfterOf(ca.certPem).toISOString(),
      serverNotAfter: notAfterOf(server.certPem).toISOString(),
      serverHosts: this.options.hosts,
      rotation: this.rotationState(),
      nextCaFingerprint: next ? fingerprintOf(next.certPem) : null,
      previousCaFingerprint: previousCertPem ? fingerprintOf(previousCertPem) : null,
    };
  }

  /** Issues a new server certificate (same CA) when, at `now`, the current one nears its end
   * or no longer names every configured host. True when it did. */
  async renewIfDue(now = new Date()): Promise<boolean> {
    const cert = new X509Certificate(this.material.server.certPem);
    const remainingDays = (new Date(cert.validTo).getTime() - now.getTime()) / DAY_MS;
    const signedByCa = cert.checkIssued(new X509Certificate(this.material.ca.certPem));
    const coversHosts = this.options.hosts.every((host) =>
      isIP(host) ? cert.checkIP(host) : cert.checkHost(host, { wildcards: false }),
    );
    if (remainingDays > RENEW_BEFORE_DAYS && signedByCa && coversHosts) return false;
    await this.reissueServer();
    return true;
  }

  /** One step of a CA rotation; see docs/operations.md "TLS in the store". */
  async rotate(step: RotationStep): Promise<void> {
    const now = new Date();
    const state = this.rotationState();
    const { dir } = this.options;
    if (step === 'begin') {
      if (state !== 'steady') throw new RotationError(`a rotation is already under way (${state})`);
      const next = await createAuthority({ storeId: this.options.storeId, now, days: CA_DAYS });
      writeKeyed(dir, FILES.nextCert, FILES.nextKey, next);
      this.material = { ...this.material, next };
    } else if (step === 'switch') {
      const next = this.material.next;
      if (!next) throw new RotationError('publish the next CA first (step "begin")');
      const previousCertPem = this.material.ca.certPem;
      writeAtomic(dir, FILES.previousCert, previousCertPem, 0o644);
      writeKeyed(dir, FILES.caCert, FILES.caKey, next);
      rmSync(join(dir, FILES.nextCert), { force: true });
      rmSync(join(dir, FILES.nextKey), { force: true });
      this.material = { ...this.material, ca: next, next: undefined, previousCertPem };
      await this.reissueServer();
    } else {
      if (state !== 'switched') throw new RotationError(`nothing to finish (${state})`);
      rmSync(join(dir, FILES.previousCert), { force: true });
      this.material = { ...this.material, previousCertPem: undefined };
    }
  }

  /** A new server certificate from now on (never back- or forward-dated). */
  private async reissueServer(): Promise<void> {
    const server = await issueServerCertificate({
      authority: this.material.ca,
      storeId: this.options.storeId,
      hosts: this.options.hosts,
      now: new Date(),
      days: this.options.serverCertDays,
    });
    writeKeyed(this.options.dir, FILES.serverCert, FILES.serverKey, server);
    this.material = { ...this.material, server };
    for (const listener of this.listeners) listener();
  }
}

/** Writes through a temporary file, so a crash never leaves half a key. */
function writeAtomic(dir: string, name: string, text: string, mode: number): void {
  const path = join(dir, name);
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, text, { mode });
  chmodSync(temporary, mode);
  renameSync(temporary, path);
}

function writeKeyed(dir: string, certName: string, keyName: string, pair: KeyedCertificate): void {
  writeAtomic(dir, keyName, pair.keyPem, 0o600);
  writeAtomic(dir, certName, pair.certPem, 0o644);
}
