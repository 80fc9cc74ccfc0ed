// Renews the server certificate while the server runs: checked at start (in
// StoreTls.open) and then every few hours, so a store server that never
// restarts still gets a new certificate a month before the old one ends.
import type { Logger } from '@vitrine/shared/node';
import type { StoreTls } from './store-tls';

const CHECK_EVERY_MS = 6 * 3_600_000;

export function startCertificateRenewal(tls: StoreTls, log: Logger): () => void {
  const timer = setInterval(() => {
    tls.renewIfDue().then(
      (renewed) => renewed && log.info(tls.status(), 'tls: server certificate renewed'),
      (error: unknown) => log.error({ err: (error as Error).message }, 'tls: renewal failed'),
    );
  }, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
