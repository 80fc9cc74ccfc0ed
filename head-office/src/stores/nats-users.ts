// The NATS cluster's users file: HQ and every store as an nkey user with its
// permissions (16-plan §3.2). Each node's config includes it inside its
// `authorization { }` block; HQ rewrites it and signals the nodes to reload.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { fromPublic } from '@nats-io/nkeys';
import {
  assertStoreId,
  hqPermissions,
  storePermissions,
  type LinkPermissions,
} from '@vitrine/shared/core';

/** A store as the users file needs it. */
type StoreUser = {
  storeId: string;
  /** Its live public keys: one, two while it rotates, none once revoked (then it is left out). */
  publicKeys: readonly string[];
  neighbours: readonly string[];
};

export type UsersFileInput = {
  /** HQ's public user nkey; every HQ process connects with it. */
  hqPublicKey: string;
  stores: readonly StoreUser[];
};

/** Stores may hold two keys at once: the old and the new while they rotate. */
const MAX_LIVE_KEYS = 2;

/** The key, if it is a user's public nkey (U…, base32, good checksum); throws otherwise. */
export function assertUserPublicKey(key: string, whose: string): string {
  let valid: boolean;
  try {
    valid = key.startsWith('U') && fromPublic(key).getPublicKey() === key;
  } catch {
    valid = false;
  }
  if (!valid) throw new Error(`${whose}: "${key}" is not a public user nkey (U…, base32)`);
  return key;
}

// A quoted string in NATS's config syntax. Subjects hold no quote, backslash or
// control character (store ids are checked), but the file must never depend on it.
function quoted(text: string): string {
  if (!/^[\x21-\x7e]+$/.test(text) || text.includes('"') || text.includes('\\')) {
    throw new Error(`not a subject the users file can hold: ${JSON.stringify(text)}`);
  }
  return `"${text}"`;
}

function allowList(direction: 'publish' | 'subscribe', subjects: readonly string[]): string[] {
  return [
    `      ${direction}: {`,
    '        allow: [',
    ...subjects.map((subject) => `          ${quoted(subject)},`),
    '        ]',
    '      }',
  ];
}

function userEntry(nkey: string, permissions: LinkPermissions, comment: string): string {
  return [
    `  # ${comment}`,
    '  {',
    `    nkey: ${quoted(nkey)}`,
    '    permissions: {',
    ...allowList('publish', permissions.publish.allow),
    ...allowList('subscribe', permissions.subscribe.allow),
    '    }',
    '  }',
  ].join('\n');
}

/**
 * The users file's text: `users = [ … ]`, HQ first, then each store's keys
 * with its permissions. Throws on anything that would let a user reach past
 * its own subjects: a bad store id or key, a key held twice, too many keys.
 */
export function renderUsersFile(input: UsersFileInput): string {
  const seenKeys = new Set<string>();
  const claim = (key: string, whose: string) => {
    assertUserPublicKey(key, whose);
    if (seenKeys.has(key)) throw new Error(`${whose}: key ${key} is already another user's`);
    seenKeys.add(key);
    return key;
  };
  const entries = [
    userEntry(claim(input.hqPublicKey, 'head office'), hqPermissions(), 'head office'),
  ];
  const seenStores = new Set<string>();
  for (const store of input.stores) {
    const storeId = assertStoreId(store.storeId);
    if (seenStores.has(storeId)) throw new Error(`store ${storeId} is listed twice`);
    seenStores.add(storeId);
    if (store.publicKeys.length > MAX_LIVE_KEYS) {
      throw new Error(
        `store ${storeId} has ${store.publicKeys.length} live keys (at most ${MAX_LIVE_KEYS})`,
      );
    }
    const permissions = storePermissions(storeId, store.neighbours);
    for (const key of store.publicKeys) {
      entries.push(userEntry(claim(key, `store ${storeId}`), permissions, `store ${storeId}`));
    }
  }
  return [
    '# Written by the head office (head-office/src/stores/nats-users.ts): do not edit,',
    '# the next change of stores or keys overwrites it.',
    `users = [\n${entries.join('\n')}\n]`,
    '',
  ].join('\n');
}

/**
 * Replaces the file at `path` with `text` at once: a node reloading at any
 * moment reads the old file or the new one, never half of one. Mode 0600: it
 * names every store's key.
 */
export async function writeUsersFile(path: string, text: string): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const file = await open(temp, 'wx', 0o600);
  try {
    await file.writeFile(text, 'utf8');
    await file.chmod(0o600); // whatever the umask
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temp, { force: true });
    throw error;
  }
  await file.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
