// The shell's trust in its store server: the pinned store CAs, kept in a file
// under userData. Pinned at first contact (checked against the fingerprint the
// installer put in the device config, if any), used to decide every TLS
// connection to the store's host, and refreshed from the store's trust bundle
// over a pinned connection, which is how a CA rotation reaches the screen.
import { z } from 'zod';
import type { CertificateFingerprint } from '../core/store-trust';
import { parseJson, type Result } from '../core/parse';
import { fetchPinsFromStore, readServerChain } from './store-contact';
import { caToPin, fingerprintOf, verifyStoreCertificate } from './store-pin';

export type PinFile = { read(): string | undefined; write(text: string): void };
export type TrustLog = (event: string, fields: Record<string, unknown>) => void;

/** What to do with one TLS connection: the store's host is decided by the pins;
 * any other host (a head-office update feed) by the system's usual checks. */
export type CertificateVerdict = 'accept' | 'refuse' | 'system';

const PinList = z.array(z.string().max(8_000)).min(1).max(3);

export class StoreTrust {
  private pins: string[];
  private readonly host: string;

  constructor(
    private readonly options: {
      storeServerUrl: string;
      expected: CertificateFingerprint | undefined;
      file: PinFile;
      log: TrustLog;
    },
  ) {
    const url = new URL(options.storeServerUrl);
    this.host = url.protocol === 'https:' ? url.hostname.replace(/^\[|\]$/g, '') : '';
    const saved = parseJson(PinList, options.file.read() ?? 'null');
    this.pins = saved.ok ? saved.value : [];
  }

  /** False for an http:// store server (the demo): nothing to pin. */
  get usesTls(): boolean {
    return this.host !== '';
  }

  current(): readonly string[] {
    return this.pins;
  }

  /** Pins the store CA at first contact; nothing to do once pinned. */
  async ensurePinned(): Promise<Result<'pinned' | 'already' | 'no-tls'>> {
    if (!this.usesTls) return { ok: true, value: 'no-tls' };
    if (this.pins.length > 0) return { ok: true, value: 'already' };
    let chain: string[];
    try {
      chain = await readServerChain(this.options.storeServerUrl);
    } catch (error) {
      return { ok: false, error: `store server unreachable: ${(error as Error).message}` };
    }
    const ca = caToPin({ hostname: this.host, chain }, this.options.expected);
    if (!ca.ok) return ca;
    this.save([ca.value]);
    this.options.log('store-ca-pinned', {
      fingerprint: fingerprintOf(ca.value),
      checkedAgainstConfig: this.options.expected !== undefined,
    });
    return { ok: true, value: 'pinned' };
  }

  /** The verdict for one connection (Electron's setCertificateVerifyProc). */
  decide(hostname: string, chain: readonly string[]): CertificateVerdict {
    if (!this.usesTls || hostname.replace(/^\[|\]$/g, '') !== this.host) return 'system';
    const verdict = verifyStoreCertificate({ hostname, chain }, this.pins);
    if (!verdict.ok)
      this.options.log('store-certificate-refused', { hostname, error: verdict.error });
    return verdict.ok ? 'accept' : 'refuse';
  }

  /** Takes the store's current trust bundle, read over a pinned connection. */
  async refresh(): Promise<Result<readonly string[]>> {
    if (!this.usesTls || this.pins.length === 0) return { ok: true, value: this.pins };
    const next = await fetchPinsFromStore(this.options.storeServerUrl, this.pins);
    if (!next.ok) {
      this.options.log('store-trust-refresh-failed', { error: next.error });
      return next;
    }
    if (next.value.join() !== this.pins.join()) {
      this.options.log('store-trust-updated', { fingerprints: next.value.map(fingerprintOf) });
      this.save(next.value);
    }
    return { ok: true, value: this.pins };
  }

  private save(pins: string[]): void {
    this.pins = pins;
    this.options.file.write(JSON.stringify(pins));
  }
}

/** Electron's verify-proc codes: 0 trusts, -2 refuses, -3 leaves it to Chromium. */
export function verifyProcCode(verdict: CertificateVerdict): 0 | -2 | -3 {
  return verdict === 'accept' ? 0 : verdict === 'refuse' ? -2 : -3;
}
