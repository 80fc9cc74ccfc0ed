// The shell's trust in its store (shared/src/desktop/store-trust.ts), the part
// of the Electron main process that cannot run here, driven under Node with
// real TLS connections: first contact, the verdict on every connection (fed as
// Electron hands certificates to setCertificateVerifyProc), and a CA rotation.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, routeUrl } from '@vitrine/shared/core';
import { stateFiles } from '@vitrine/shared/desktop/state-files';
import { readServerChain } from '@vitrine/shared/desktop/store-contact';
import {
  chainOfElectronCertificate,
  fingerprintOf,
  type ElectronCertificateLike,
} from '@vitrine/shared/desktop/store-pin';
import { StoreTrust } from '@vitrine/shared/desktop/store-trust';
import type { StoreServer } from '@vitrine/store-server/server';
import { startMitm } from '../support/mitm';
import { DevicePins } from '../support/tls-client';
import { freshDataDir, startTestServer } from '../support/test-server';

let server: StoreServer;
const events: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ httpsPort: 0, mqttsPort: 0, plainPorts: false });
}, 60_000);
afterAll(async () => {
  await server?.close();
});

/** The chain as Electron's Certificate gives it: PEM in `data`, the issuer in `issuerCert`. */
function asElectron(chain: string[]): ElectronCertificateLike {
  return chain.reduceRight<ElectronCertificateLike | undefined>(
    (issuerCert, data) => ({ data, issuerCert }),
    undefined,
  )!;
}

function shellTrust(userData: string, expected?: string) {
  return new StoreTrust({
    storeServerUrl: server.httpsUrl!,
    expected,
    file: stateFiles(userData).storePins,
    log: (event) => events.push(event),
  });
}

/** One step of the CA rotation, as head office sends it; its HTTP status. */
async function rotate(step: 'begin' | 'switch' | 'finish') {
  const trust = server.tls!.trustBundle().caCertificates;
  const pins = new DevicePins(trust);
  const response = await pins.fetch(routeUrl(server.httpsUrl!, apiRoutes.tls.rotate, {}), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
    body: JSON.stringify({ step }),
  });
  await pins.close();
  return response.status;
}

describe('the shell pins its store CA', () => {
  it('refuses first contact with a CA other than the installer configured', async () => {
    const userData = freshDataDir('vitrine-shell');
    const mitm = await startMitm();
    const mitmCa = (await mitm.chain()).at(-1)!;
    await mitm.close();
    const trust = shellTrust(userData, fingerprintOf(mitmCa));
    const pinned = await trust.ensurePinned();
    expect(pinned.ok).toBe(false);
    expect(trust.current()).toEqual([]);
    // Nothing pinned: the store's own certificate is refused too, nothing is sent.
    const chain = await readServerChain(server.httpsUrl!);
    expect(trust.decide('127.0.0.1', chainOfElectronCertificate(asElectron(chain)))).toBe('refuse');
  });

  it('pins the configured CA, keeps it in userData, and decides each connection by it', async () => {
    const userData = freshDataDir('vitrine-shell');
    const expected = server.tls!.trustBundle().fingerprint;
    const trust = shellTrust(userData, expected);
    expect(await trust.ensurePinned()).toEqual({ ok: true, value: 'pinned' });
    expect(statSync(join(userData, 'store-ca.json')).mode & 0o777).toBe(0o600);
    // A restarted shell reads the pin back and contacts no one to get it.
    const restarted = shellTrust(userData, expected);
    expect(await restarted.ensurePinned()).toEqual({ ok: true, value: 'already' });

    const real = chainOfElectronCertificate(asElectron(await readServerChain(server.httpsUrl!)));
    expect(restarted.decide('127.0.0.1', real)).toBe('accept');
    // Any other host (a head-office update feed) is left to Chromium's own checks.
    expect(restarted.decide('updates.example.org', real)).toBe('system');

    const mitm = await startMitm();
    const forged = chainOfElectronCertificate(asElectron(await mitm.chain()));
    await mitm.close();
    expect(restarted.decide('127.0.0.1', forged)).toBe('refuse');
    expect(events).toContain('store-certificate-refused');
  });

  it('without a configured fingerprint, pins the first CA and says so (staff compare it)', async () => {
    const trust = shellTrust(freshDataDir('vitrine-shell'));
    const before = events.length;
    expect(await trust.ensurePinned()).toEqual({ ok: true, value: 'pinned' });
    expect(events.slice(before)).toContain('store-ca-pinned');
    expect(fingerprintOf(trust.current()[0]!)).toBe(server.tls!.trustBundle().fingerprint);
  });

  it('follows a CA rotation through its refresh, and drops the old CA at the end', async () => {
    const trust = shellTrust(freshDataDir('vitrine-shell'), server.tls!.trustBundle().fingerprint);
    await trust.ensurePinned();
    const oldCa = trust.current()[0]!;
    expect(await rotate('begin')).toBe(200);
    expect((await trust.refresh()).ok).toBe(true);
    expect(trust.current()).toHaveLength(2);

    expect(await rotate('switch')).toBe(200);
    const switched = chainOfElectronCertificate(
      asElectron(await readServerChain(server.httpsUrl!)),
    );
    expect(trust.decide('127.0.0.1', switched)).toBe('accept');
    const stale = new StoreTrust({
      storeServerUrl: server.httpsUrl!,
      expected: undefined,
      file: { read: () => JSON.stringify([oldCa]), write: () => undefined },
      log: () => undefined,
    });
    expect(stale.decide('127.0.0.1', switched)).toBe('refuse');

    expect(await rotate('finish')).toBe(200);
    expect((await trust.refresh()).ok).toBe(true);
    expect(trust.current()).toEqual([server.tls!.caCertificatePem()]);
    expect(trust.current()).not.toContain(oldCa);
  });

  it('an http:// store server (the demo) has nothing to pin', async () => {
    const trust = new StoreTrust({
      storeServerUrl: 'http://127.0.0.1:8080',
      expected: undefined,
      file: { read: () => undefined, write: () => undefined },
      log: () => undefined,
    });
    expect(await trust.ensurePinned()).toEqual({ ok: true, value: 'no-tls' });
    expect(trust.decide('127.0.0.1', [])).toBe('system');
  });
});
