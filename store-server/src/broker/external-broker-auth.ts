// Keeps an external Mosquitto's auth files in step with the device registry
// and the signed-in expert sessions: written before the store server connects,
// rewritten on every enrolment, approval, revocation, expert sign-in and
// sign-out or expiry, measuring station (re-)pairing, then the broker is told to reload.
import { spawn } from 'node:child_process';
import type { DeviceRegistry } from '../devices/registry';
import type { Logger } from '@vitrine/shared/node';
import {
  mosquittoPasswordHash,
  renderMosquittoAuth,
  writeMosquittoAuth,
  type ExpertBrokerAccount,
  type StationGrant,
} from './mosquitto-auth';

/** How long after the last change Mosquitto is told to reload a second time. */
const SETTLE_RELOAD_MS = 1_000;

export type ExpertAccountSource = {
  brokerAccounts: () => ExpertBrokerAccount[];
  onChange: (listener: () => void) => () => void;
};

/** Measuring stations' pairings: a re-pairing rewrites the ACL file. */
export type StationGrantSource = {
  brokerGrants: () => StationGrant[];
  onChange: (listener: () => void) => () => void;
};

export function syncMosquittoAuth(options: {
  dir: string;
  brokerUrl: string;
  reloadCommand: string | undefined;
  storeId: string;
  registry: DeviceRegistry;
  experts?: ExpertAccountSource;
  stations?: StationGrantSource;
  log: Logger;
}): () => void {
  const url = new URL(options.brokerUrl);
  const username = decodeURIComponent(url.username);
  if (!username || !url.password)
    throw new Error('--broker URL must carry the store server’s user and password');
  // One salt per run: the file changes only when devices change.
  const server = {
    username,
    passwordHash: mosquittoPasswordHash(decodeURIComponent(url.password)),
  };
  const write = () => {
    writeMosquittoAuth(
      options.dir,
      renderMosquittoAuth({
        storeId: options.storeId,
        server,
        devices: options.registry.brokerAccounts(),
        experts: options.experts?.brokerAccounts() ?? [],
        stations: options.stations?.brokerGrants() ?? [],
      }),
    );
    reload();
    // Mosquitto drops a SIGHUP that arrives while it is still reloading, so
    // two changes close together could leave it on the first: reload once
    // more after things settle.
    clearTimeout(settle);
    settle = setTimeout(reload, SETTLE_RELOAD_MS);
    settle.unref();
  };
  let settle: NodeJS.Timeout | undefined;
  const reload = () => {
    if (!options.reloadCommand) return;
    const child = spawn('/bin/sh', ['-c', options.reloadCommand], { stdio: 'ignore' });
    child.on('exit', (code) => {
      if (code !== 0) options.log.error({ code }, 'mosquitto: reload command failed');
    });
  };
  write();
  const stopDevices = options.registry.onChange(write);
  const stopExperts = options.experts?.onChange(write);
  const stopStations = options.stations?.onChange(write);
  return () => {
    clearTimeout(settle);
    stopDevices();
    stopExperts?.();
    stopStations?.();
  };
}
