// Enrols this store at head office with a one-time code, making the store's own nkey pair
// here: only the public key travels, the seed stays in <data>/hq/nkey.seed (0600).
//   npm run hq-enrol -- --hq https://hq.example --code <code> --store paris-01 --data ./data
// Writes <data>/hq/hq-link.json and prints how to start the server with it.
// Exit 0: enrolled; 64: bad arguments; 1: head office refused or could not be reached.
import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createUser } from '@nats-io/nkeys';
import { z } from 'zod';
import { EnrolReply, hqRoutes, parseUnknown, routeUrl, StoreId } from '@vitrine/shared/core';
import { HqLinkFile } from './link-file';

const USAGE = `Usage: npm run hq-enrol -- --hq URL --code CODE --store ID --data DIR

  --hq URL      head office, e.g. https://hq.example.com
  --code CODE   the one-time enrolment code head office gave for this store
  --store ID    this store's id at head office
  --data DIR    this store server's data folder (the link goes into DIR/hq/)`;

const Args = z.object({
  hq: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }),
  code: z.string().min(8).max(128),
  store: StoreId,
  data: z.string().min(1),
});

const fail = (message: string, code: number): never => {
  process.stderr.write(`hq-enrol: ${message}\n`);
  process.exit(code);
};

function readArgs() {
  try {
    const { values } = parseArgs({
      strict: true,
      options: {
        hq: { type: 'string' },
        code: { type: 'string' },
        store: { type: 'string' },
        data: { type: 'string' },
      },
    });
    const parsed = Args.safeParse(values);
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.map(
      (issue) => `--${issue.path.join('.')}: ${issue.message}`,
    );
    return fail(`${issues.join('\n')}\n\n${USAGE}`, 64);
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${USAGE}`, 64);
  }
}

/** The error head office answered (`{ error: { message } }`), or the status. */
async function refusal(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as {
    error?: { message?: string };
  } | null;
  return `head office answered ${response.status}: ${body?.error?.message ?? response.statusText}`;
}

const args = readArgs();
const dir = resolve(args.data, 'hq');
mkdirSync(dir, { recursive: true, mode: 0o700 });
const seedFile = join(dir, 'nkey.seed');
const linkFile = join(dir, 'hq-link.json');
const pair = createUser();
// The new seed is kept aside until head office accepts its key: a refused enrolment leaves a
// store that was enrolled before as it was.
const pendingSeed = `${seedFile}.pending`;
writeFileSync(pendingSeed, `${new TextDecoder().decode(pair.getSeed())}\n`, { mode: 0o600 });
chmodSync(pendingSeed, 0o600);

let answer: unknown;
try {
  const response = await fetch(
    routeUrl(args.hq.replace(/\/+$/, ''), hqRoutes.enrolment.enrol, {}),
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code: args.code,
        storeId: args.store,
        publicKey: pair.getPublicKey(),
      }),
      signal: AbortSignal.timeout(30_000),
    },
  );
  if (!response.ok) throw new Error(await refusal(response));
  answer = await response.json();
} catch (error) {
  rmSync(pendingSeed, { force: true });
  // fetch says only "fetch failed"; its cause says why (ECONNREFUSED, a bad certificate…).
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const why = cause
    ? `cannot reach head office at ${args.hq}: ${cause.code ?? cause.message ?? 'unknown'}`
    : error instanceof Error
      ? error.message
      : String(error);
  fail(why, 1);
}
const reply = parseUnknown(EnrolReply, answer);
if (!reply.ok) {
  rmSync(pendingSeed, { force: true });
  fail(`head office's answer is not an enrolment: ${reply.error}`, 1);
} else {
  const link: HqLinkFile = HqLinkFile.parse({
    v: 1,
    storeId: reply.value.storeId,
    natsUrls: reply.value.natsUrls,
    seedFile: 'nkey.seed',
    trustAnchor: reply.value.trustAnchor,
    hqUrl: args.hq,
    store: {
      ...(reply.value.timeZone && { timeZone: reply.value.timeZone }),
      ...(reply.value.currency && { currency: reply.value.currency }),
    },
  });
  renameSync(pendingSeed, seedFile);
  writeFileSync(linkFile, `${JSON.stringify(link, null, 2)}\n`, { mode: 0o600 });
  const neighbours = reply.value.neighbours.join(', ') || 'none';
  process.stdout.write(
    [
      `Store ${link.storeId} is enrolled at ${args.hq}`,
      `  region: ${reply.value.region?.name ?? 'none'}; neighbours: ${neighbours}`,
      `  time zone: ${reply.value.timeZone ?? 'as configured here'}; currency: ${reply.value.currency ?? 'as configured here'}`,
      `  key: ${pair.getPublicKey()} (seed in ${seedFile}, readable by this user only)`,
      '',
      'Next: start the store server with',
      `  --hq-link ${linkFile}`,
      '',
    ].join('\n'),
  );
}
