// Rotates this store's nkey (16-plan §3.2) beside a running store server, which needs no part in
// it: a new pair is made here, `rotate add` goes under the current key (both keys then open the
// link), the new seed replaces the old file atomically, the new key connects and sends `rotate
// confirm` (head office retires the old key and reloads the nodes, which closes the server's
// old-key connection; the server reconnects re-reading the seed file, so with the new key).
// The new seed waits in `<seed>.rotating` until head office accepted it, so running the command
// again after a crash finishes the same rotation instead of adding a third key.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createUser, fromSeed } from '@nats-io/nkeys';
import { connect, nkeyAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import { LINK_VERSION, storeInboxPrefix } from '@vitrine/shared/core';
import { askHq } from './hq-requests';
import { readHqLink } from './link-file';

/** How long the new key may take to open the link (the nodes reload after `add`). */
const NEW_KEY_WAIT_MS = 30_000;

export type Rotation = { storeId: string; oldKey: string; newKey: string; seedFile: string };

const encode = (text: string) => new TextEncoder().encode(text.trim());

async function connectWith(urls: string[], storeId: string, seed: string) {
  return connect({
    servers: urls,
    authenticator: nkeyAuthenticator(encode(seed)),
    inboxPrefix: storeInboxPrefix(storeId),
    name: `store ${storeId} key rotation`,
    maxReconnectAttempts: 0,
    timeout: 5_000,
  });
}

/** The new key's first connection, tried until the nodes have reloaded with it. */
async function connectNewKey(urls: string[], storeId: string, seed: string) {
  const deadline = Date.now() + NEW_KEY_WAIT_MS;
  for (;;) {
    try {
      return await connectWith(urls, storeId, seed);
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`the new key does not open the link: ${(error as Error).message}`, {
          cause: error,
        });
      await sleep(500);
    }
  }
}

export async function rotateStoreKey(
  linkFile: string,
  say: (line: string) => void,
): Promise<Rotation> {
  const link = readHqLink(linkFile);
  const seedFile = isAbsolute(link.seedFile)
    ? link.seedFile
    : resolve(dirname(linkFile), link.seedFile);
  const pendingFile = `${seedFile}.rotating`;
  const oldSeed = readFileSync(seedFile, 'utf8').trim();
  const oldKey = fromSeed(encode(oldSeed)).getPublicKey();
  let newSeed: string;
  if (existsSync(pendingFile)) {
    newSeed = readFileSync(pendingFile, 'utf8').trim();
    say(`finishing the rotation left in ${pendingFile}`);
  } else {
    newSeed = new TextDecoder().decode(createUser().getSeed());
    writeFileSync(pendingFile, `${newSeed}\n`, { mode: 0o600 });
  }
  const newKey = fromSeed(encode(newSeed)).getPublicKey();
  const { storeId, natsUrls } = link;

  let nc: NatsConnection = await connectWith(natsUrls, storeId, oldSeed).catch((error: unknown) => {
    throw new Error(`the current key does not open the link: ${(error as Error).message}`);
  });
  try {
    const added = await askHq(nc, storeId, 'rotate', {
      v: LINK_VERSION,
      type: 'rotate',
      step: 'add',
      newPublicKey: newKey,
    });
    if (!added.ok) throw new Error(`head office refused the new key: ${added.error}`);
    say(`head office added ${newKey} (${added.value.liveKeys} live keys)`);
  } finally {
    await nc.close();
  }

  renameSync(pendingFile, seedFile); // atomic: the server's next connection reads one key or the other
  say(`the new seed is in ${seedFile}`);
  nc = await connectNewKey(natsUrls, storeId, newSeed);
  try {
    const confirmed = await askHq(nc, storeId, 'rotate', {
      v: LINK_VERSION,
      type: 'rotate',
      step: 'confirm',
      publicKey: newKey,
    });
    if (!confirmed.ok)
      throw new Error(
        `head office did not retire the old key (${confirmed.error}); both keys stay live: run the command again`,
      );
    say(`head office retired ${oldKey}; ${newKey} is this store's only key`);
  } finally {
    await nc.close();
  }
  return { storeId, oldKey, newKey, seedFile };
}
