import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser, type KeyPair } from '@nats-io/nkeys';
import { connect, nkeyAuthenticator } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNatsServer } from '../local';
import { assertUserPublicKey, renderUsersFile, writeUsersFile } from './nats-users';

const hq = createUser();
const a1 = createUser();
const a2 = createUser();
const b = createUser();
const c = createUser();
const chain = {
  hqPublicKey: hq.getPublicKey(),
  stores: [
    { storeId: 'A', publicKeys: [a1.getPublicKey(), a2.getPublicKey()], neighbours: ['B'] },
    { storeId: 'B', publicKeys: [b.getPublicKey()], neighbours: ['A', 'C'] },
    { storeId: 'C', publicKeys: [c.getPublicKey()], neighbours: [] },
    { storeId: 'revoked', publicKeys: [], neighbours: [] },
  ],
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vt-nats-users-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A node's config that includes the users file inside its authorization block, as the cluster's do. */
async function nodeConfig(usersText: string): Promise<string> {
  await writeUsersFile(join(dir, 'users.conf'), usersText);
  const config = join(dir, 'node.conf');
  await writeFile(config, 'listen: "127.0.0.1:-1"\nauthorization {\n  include "users.conf"\n}\n');
  return config;
}

describe('renderUsersFile', () => {
  it('writes a file nats-server 2.9 accepts inside an authorization block', async () => {
    const config = await nodeConfig(renderUsersFile(chain));
    const check = spawnSync(findNatsServer(), ['-t', '-c', config], { encoding: 'utf8' });
    expect(check.stderr + check.stdout).toMatch(/configuration file .* is valid/);
    expect(check.status).toBe(0);
    // The check has teeth: a cut file is refused.
    const cut = await nodeConfig(renderUsersFile(chain).slice(0, 300));
    expect(spawnSync(findNatsServer(), ['-t', '-c', cut]).status).not.toBe(0);
  });

  it('gives each live key its store’s permissions, and leaves a revoked store out', () => {
    const text = renderUsersFile(chain);
    expect(text.match(/nkey: "U/g)).toHaveLength(5);
    expect(text).toContain(`nkey: "${a2.getPublicKey()}"`);
    expect(text).not.toContain('revoked');
    expect(text).toContain('"$JS.ACK.HQ_STORES.s-B.>"');
    expect(text).toContain('"vt.st.C.stock"');
  });

  it('refuses a bad key, a key held twice, a third key, a bad store id, a repeated store', () => {
    const store = (publicKeys: string[], storeId = 'A') => ({
      storeId,
      publicKeys,
      neighbours: [],
    });
    const render = (stores: ReturnType<typeof store>[]) =>
      renderUsersFile({ hqPublicKey: hq.getPublicKey(), stores });
    const seed = new TextDecoder().decode(a1.getSeed());
    expect(() => render([store([seed])])).toThrow(/not a public user nkey/);
    const broken = a1.getPublicKey().slice(0, -1) + (a1.getPublicKey().endsWith('A') ? 'B' : 'A');
    expect(() => render([store([broken])])).toThrow(/not a public user nkey/);
    expect(() => render([store([hq.getPublicKey()])])).toThrow(/already another user's/);
    const three = [a1, a2, b].map((pair) => pair.getPublicKey());
    expect(() => render([store(three)])).toThrow(/at most 2/);
    expect(() => render([store([a1.getPublicKey()], 'A.>')])).toThrow(/store id/);
    expect(() => render([store([a1.getPublicKey()]), store([b.getPublicKey()])])).toThrow(/twice/);
    expect(() => assertUserPublicKey(`A${hq.getPublicKey().slice(1)}`, 'x')).toThrow(/user nkey/);
  });
});

describe('writeUsersFile', () => {
  it('replaces the file whole, readable by its owner only, leaving no temp file', async () => {
    const path = join(dir, 'written.conf');
    await writeUsersFile(path, 'users = []\n');
    await writeUsersFile(path, 'users = [ ]\n');
    expect(await readFile(path, 'utf8')).toBe('users = [ ]\n');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readdir(dir)).filter((name) => name.startsWith('written'))).toEqual([
      'written.conf',
    ]);
  });
});

describe('on a running node', () => {
  let node: ChildProcess | undefined;
  let url = '';

  beforeAll(async () => {
    const config = await nodeConfig(renderUsersFile(chain));
    const child = spawn(findNatsServer(), ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    node = child;
    process.once('exit', () => child.kill('SIGKILL'));
    url = await new Promise<string>((resolve, reject) => {
      let log = '';
      child.stderr.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        const port = /Listening for client connections on [\d.]+:(\d+)/.exec(log)?.[1];
        if (port) resolve(`nats://127.0.0.1:${port}`);
      });
      child.once('exit', (code) => reject(new Error(`nats-server exited (${code}): ${log}`)));
    });
  });
  afterAll(async () => {
    if (!node || node.exitCode !== null || node.signalCode !== null) return;
    const exited = new Promise((resolve) => node?.once('exit', resolve));
    node.kill('SIGKILL');
    await exited;
  });

  const as = (pair: KeyPair) =>
    connect({ servers: url, authenticator: nkeyAuthenticator(pair.getSeed()), reconnect: false });

  it('lets a store publish its own subjects, refuses another store’s and unknown keys', async () => {
    const store = await as(a2);
    const errors: string[] = [];
    void (async () => {
      for await (const status of store.status()) {
        if (status.type === 'error') errors.push(String(status.error));
      }
    })();
    store.publish('vt.st.A.fleet', '{}');
    store.publish('vt.st.B.events', '{}');
    // `$` subjects are read as subjects, not config variables: its own durable yes, B's no.
    store.publish('$JS.API.CONSUMER.INFO.HQ_STORES.s-A', '');
    store.publish('$JS.API.CONSUMER.INFO.HQ_STORES.s-B', '');
    await store.flush();
    await expect.poll(() => errors.join(' '), { timeout: 5_000 }).toMatch(/permissions violation/i);
    await expect.poll(() => errors.length, { timeout: 5_000 }).toBe(2);
    expect(errors.join(' ')).toContain('vt.st.B.events');
    expect(errors.join(' ')).toContain('s-B');
    expect(errors.join(' ')).not.toMatch(/vt\.st\.A\.fleet|s-A/);
    await store.close();
    await expect(as(createUser())).rejects.toThrow(/authorization/i);
  });

  it('lets a store hear its neighbour’s stock, never a stranger’s', async () => {
    const [hqConnection, store] = await Promise.all([as(hq), as(b)]);
    const heard: string[] = [];
    store.subscribe('vt.st.A.stock', {
      callback: (_, msg) => {
        heard.push(msg.subject);
      },
    });
    const refused = new Promise<string>((resolve) => {
      store.subscribe('vt.st.D.stock', {
        callback: (error) => {
          if (error) resolve(String(error));
        },
      });
    });
    await store.flush();
    hqConnection.publish('vt.st.A.stock', '{}');
    await expect(refused).resolves.toMatch(/permissions violation/i);
    await expect.poll(() => heard, { timeout: 5_000 }).toEqual(['vt.st.A.stock']);
    await Promise.all([hqConnection.close(), store.close()]);
  });
});
