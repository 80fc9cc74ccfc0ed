// The store's TLS material survives restarts: same CA, same server certificate
// until it is due, a rotation under way still under way.
import { mkdtempSync, statSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreTls } from './store-tls';

const options = (dir: string, hosts = ['store-0042.lan', 'localhost', '127.0.0.1']) => ({
  dir,
  storeId: 'paris-rivoli',
  hosts,
  serverCertDays: 397,
});

describe('store TLS material', () => {
  it('keeps its CA and server certificate across restarts, keys in mode 600', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'vitrine-tls-')), 'tls');
    const first = await StoreTls.open(options(dir));
    const again = await StoreTls.open(options(dir));
    expect(again.trustBundle()).toEqual(first.trustBundle());
    expect(again.serverCertificatePem()).toBe(first.serverCertificatePem());
    expect(statSync(join(dir, 'ca.key')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const ca = new X509Certificate(first.caCertificatePem());
    expect(ca.ca).toBe(true);
  });

  it('reissues the server certificate, same CA, when the configured hosts change', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'vitrine-tls-')), 'tls');
    const first = await StoreTls.open(options(dir));
    const moved = await StoreTls.open(options(dir, ['store-0042.lan', '10.0.4.2', 'localhost']));
    expect(moved.caCertificatePem()).toBe(first.caCertificatePem());
    const served = new X509Certificate(moved.serverCertificatePem());
    expect(served.checkIP('10.0.4.2')).toBe('10.0.4.2');
    expect(served.checkIssued(new X509Certificate(first.caCertificatePem()))).toBe(true);
  });

  it('remembers a rotation under way across a restart, and refuses steps out of order', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'vitrine-tls-')), 'tls');
    const tls = await StoreTls.open(options(dir));
    await expect(tls.rotate('finish')).rejects.toThrow(/nothing to finish/);
    await tls.rotate('begin');
    await expect(tls.rotate('begin')).rejects.toThrow(/already under way/);
    const restarted = await StoreTls.open(options(dir));
    expect(restarted.rotationState()).toBe('next-published');
    expect(restarted.trustBundle().caCertificates).toHaveLength(2);
    await restarted.rotate('switch');
    const after = await StoreTls.open(options(dir));
    expect(after.rotationState()).toBe('switched');
    expect(after.trustBundle().fingerprint).not.toBe(tls.trustBundle().fingerprint);
  });
});
