// npm run add-user as an operator runs it (a child process, the password on
// standard input): the user it writes signs in; bad arguments, a short
// password and a folder a running server holds change nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { StaffStore } from './staff-store';

const SCRIPT = resolve(import.meta.dirname, 'add-user.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'vitrine-add-user-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function addUser(args: string[], input: string): Promise<{ code: number | null; out: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], {
      cwd: resolve(import.meta.dirname, '..', '..', '..'),
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code, out }));
    child.stdin.end(input);
  });
}

/** Reads the folder's users as the server would, then closes it. */
function withUsers<T>(read: (users: StaffStore) => T): T {
  const db = openDatabase(dataDir);
  try {
    return read(new StaffStore(db));
  } finally {
    db.close();
  }
}

const manager = ['--data', dataDir, '--id', 'manager', '--name', 'Claire Rochat'];

describe('npm run add-user', () => {
  it('refuses a role that does not exist, a bad id and a short password, and writes nothing', async () => {
    const role = await addUser([...manager, '--roles', 'manager,boss'], 'long-enough-1\n');
    expect(role.code).toBe(64);
    expect(role.out).toMatch(/--roles/);
    const id = await addUser(
      ['--data', dataDir, '--id', 'Claire R', '--name', 'x', '--roles', 'staff'],
      'long-enough-1\n',
    );
    expect(id.code).toBe(64);
    expect(id.out).toMatch(/--id/);
    const short = await addUser([...manager, '--roles', 'manager'], 'short\n');
    expect(short.code).toBe(64);
    expect(short.out).toMatch(/8 to 200 characters/);
    expect(withUsers((users) => users.getUser('manager'))).toBeUndefined();
  });

  it('adds a manager who signs in with the password given on standard input', async () => {
    const added = await addUser([...manager, '--roles', 'manager,staff'], 'flon-manager-2026\n');
    expect(added).toEqual({ code: 0, out: 'manager (Claire Rochat): manager, staff\n' });
    withUsers((users) => {
      expect(users.signIn('manager', 'flon-manager-2026')?.user).toEqual({
        id: 'manager',
        name: 'Claire Rochat',
        roles: ['manager', 'staff'],
      });
      expect(users.signIn('manager', 'wrong-password')).toBeUndefined();
    });
  });

  it('is refused while a running server holds the folder', async () => {
    writeFileSync(join(dataDir, 'server.lock'), `${process.pid}\n`); // this process runs
    try {
      const busy = await addUser([...manager, '--roles', 'staff'], 'another-password\n');
      expect(busy.code).toBe(2);
      expect(busy.out).toContain(`pid ${process.pid}`);
    } finally {
      rmSync(join(dataDir, 'server.lock'));
    }
    expect(withUsers((users) => users.getUser('manager')?.roles)).toEqual(['manager', 'staff']);
  });
});
