// Adds a staff user to a stopped store server's data folder, or gives an
// existing one new roles and a new password: the first manager of a store set
// up from its feeds (a demo store seeds its own users). The password comes
// from standard input, so it is in no shell history:
//   printf '%s\n' "$PASSWORD" | npm run -s add-user -- --data ./data --id manager \
//     --name 'Claire Rochat' --roles manager,staff
// Exit 0: written; 64: bad arguments; 2: the folder is in use by a running server.
import { mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { StaffRole } from '@vitrine/shared/core';
import { DataDirBusy, lockDataDir } from '../db/data-lock';
import { openDatabase } from '../db/database';
import { StaffStore } from './staff-store';

const USAGE = `Usage: printf '%s\\n' "$PASSWORD" | npm run -s add-user -- --data DIR --id ID --name NAME
         --roles ROLE[,ROLE…]

  --data DIR    a stopped store server's data folder (created if new)
  --id ID       what the user types to sign in, e.g. manager
  --name NAME   the name the consoles show
  --roles       ${StaffRole.options.join(', ')} (a manager is usually manager,staff)
  The password (8 to 200 characters) is read from standard input.`;

const Args = z.object({
  data: z.string().min(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case letters, digits, . _ -'),
  name: z.string().trim().min(1).max(120),
  roles: z
    .string()
    .transform((text) => text.split(',').map((role) => role.trim()))
    .pipe(z.array(StaffRole).min(1)),
});

async function readPassword(): Promise<string | undefined> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return undefined;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      id: { type: 'string' },
      name: { type: 'string' },
      roles: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const args = Args.safeParse(values);
  if (values.help || !args.success) {
    const problem = args.success
      ? ''
      : args.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n');
    console.error(`${problem}\n\n${USAGE}`.trim());
    return 64;
  }
  const password = await readPassword();
  if (password === undefined || password.length < 8 || password.length > 200) {
    console.error('the password (standard input) is 8 to 200 characters');
    return 64;
  }
  const { data, id, name, roles } = args.data;
  let lock: { release: () => void };
  mkdirSync(data, { recursive: true });
  try {
    lock = lockDataDir(data);
  } catch (error) {
    if (!(error instanceof DataDirBusy)) throw error;
    console.error(error.message);
    return 2;
  }
  try {
    const db = openDatabase(data);
    try {
      new StaffStore(db).upsertUser({ id, name, roles }, password);
    } finally {
      db.close();
    }
  } finally {
    lock.release();
  }
  console.log(`${id} (${name}): ${roles.join(', ')}`);
  return 0;
}

process.exitCode = await main();
