// Writes Mosquitto's password_file and acl_file from the device registry, so an
// external Mosquitto enforces the same rules as the embedded broker
// (docs/operations.md). Files are replaced atomically; Mosquitto rereads them on SIGHUP.
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceRole } from '../devices/registry';
import { expertGrants, grantsOfDevice, serverPrefix } from './acl';

/** Mosquitto 2's `$7$` format: PBKDF2-SHA512, 101 iterations, 12-byte salt. */
export function mosquittoPasswordHash(secret: string, salt: Buffer = randomBytes(12)): string {
  const hash = pbkdf2Sync(secret, salt, 101, 64, 'sha512');
  return `$7$101$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export type BrokerAccount = {
  id: string;
  /** A screen when absent. */
  role?: DeviceRole;
  status: string;
  brokerHash: string | null;
};
/** A measuring station's current grant: the mirror it may publish measurements to. */
export type StationGrant = { stationId: string; mirrorId: string };
/** One signed-in expert console session (username `expert.<sessionId>`). */
export type ExpertBrokerAccount = { username: string; expertId: string; brokerHash: string };

export function renderMosquittoAuth(options: {
  storeId: string;
  server: { username: string; passwordHash: string };
  devices: readonly BrokerAccount[];
  experts?: readonly ExpertBrokerAccount[];
  stations?: readonly StationGrant[];
}): { passwd: string; acl: string } {
  const experts = options.experts ?? [];
  const pairedMirror = new Map(
    (options.stations ?? []).map((grant) => [grant.stationId, grant.mirrorId]),
  );
  const active = options.devices.filter(
    (device) => device.status === 'active' && device.brokerHash,
  );
  const passwd = [
    `${options.server.username}:${options.server.passwordHash}`,
    ...active.map((device) => `${device.id}:${device.brokerHash}`),
    ...experts.map((expert) => `${expert.username}:${expert.brokerHash}`),
  ];
  const acl = [
    '# Written by vitrine-store-server: do not edit, it is rewritten when devices change.',
    `user ${options.server.username}`,
    `topic readwrite ${serverPrefix(options.storeId)}#`,
    '',
  ];
  for (const device of active) {
    // An unpaired station gets a `user` line and no topic: Mosquitto refuses it everything.
    const grants = grantsOfDevice(
      options.storeId,
      { id: device.id, role: device.role ?? 'kiosk' },
      () => pairedMirror.get(device.id) ?? null,
    );
    acl.push(`user ${device.id}`);
    for (const topic of grants.subscribe) {
      acl.push(`topic ${grants.publish.includes(topic) ? 'readwrite' : 'read'} ${topic}`);
    }
    for (const topic of grants.publish.filter((topic) => !grants.subscribe.includes(topic))) {
      acl.push(`topic write ${topic}`);
    }
    acl.push('');
  }
  for (const expert of experts) {
    // An expert's grants are one topic they both read and write.
    const grants = expertGrants(options.storeId, expert.expertId);
    acl.push(`user ${expert.username}`);
    for (const topic of grants.publish) acl.push(`topic readwrite ${topic}`);
    acl.push('');
  }
  return { passwd: `${passwd.join('\n')}\n`, acl: `${acl.join('\n')}\n` };
}

export function writeMosquittoAuth(dir: string, files: { passwd: string; acl: string }): void {
  mkdirSync(dir, { recursive: true });
  // The ACL before the passwords: a reload that lands between the two renames
  // must never let a new device connect without the topics it is allowed.
  for (const [name, content] of [
    ['acl', files.acl],
    ['passwd', files.passwd],
  ] as const) {
    const target = join(dir, name);
    writeFileSync(`${target}.tmp`, content, { mode: 0o600 });
    renameSync(`${target}.tmp`, target);
  }
}
