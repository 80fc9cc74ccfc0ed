// Carries out StoreTrust in Electron: every TLS connection of the session (the
// renderer's fetch and WSS, net.fetch for fault reports, updates) to the store's
// host is decided by the pinned CAs; the pins are taken at first contact and
// kept current from the store's trust bundle.
import type { Session } from 'electron';
import { backoff } from '../core';
import type { ShellLog } from './shell-logger';
import { chainOfElectronCertificate } from './store-pin';
import { verifyProcCode, type StoreTrust } from './store-trust';

/** How often the shell re-reads the store's trust bundle; a CA rotation's overlap must be longer. */
const TRUST_REFRESH_MS = 60 * 60_000;
/** Until the first pin is taken (server not reachable yet), try again soon, then less often. */
const FIRST_CONTACT_RETRY = { firstMs: 2_000, maxMs: 60_000, floorMs: 1_000 };

export async function pinStoreServer(
  session: Session,
  trust: StoreTrust,
  log: ShellLog,
): Promise<void> {
  session.setCertificateVerifyProc((request, callback) => {
    const chain = chainOfElectronCertificate(request.certificate);
    callback(verifyProcCode(trust.decide(request.hostname, chain)));
  });
  if (!trust.usesTls) {
    log('warn', 'store-without-tls', {
      reason: 'storeServerUrl is http:// — secrets cross the LAN in clear',
    });
    return;
  }
  const firstContactWaits = backoff(FIRST_CONTACT_RETRY);
  const keepCurrent = async (): Promise<void> => {
    const pinned = await trust.ensurePinned();
    if (!pinned.ok) {
      log('error', 'store-ca-not-pinned', { error: pinned.error });
      setTimeout(() => void keepCurrent(), firstContactWaits.next()).unref();
      return;
    }
    firstContactWaits.reset();
    await trust.refresh();
    setTimeout(() => void keepCurrent(), TRUST_REFRESH_MS).unref();
  };
  await keepCurrent();
}
