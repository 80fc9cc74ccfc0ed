// npm run opendatacam-bridge -- --odc URL --store URL --counter ID --in LINE [--out LINE]
// Polls an OpenDataCam and pushes the people its counting lines counted to a store server
// as a people counter enrolled there (kind "generic"; its password in VITRINE_COUNTER_SECRET).
// Exits 64 on bad arguments; otherwise runs until stopped, saying what each poll did.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { API_PREFIX, insightsRoutes } from '@vitrine/shared/core';
import { OdcBridge } from './odc-bridge';

const USAGE = `Usage: npm run opendatacam-bridge -- --odc URL --store URL --counter ID
         --in LINE [--in LINE…] [--out LINE…] [--zone NAME] [--class person] [--every 60]
         [--state FILE]

  --odc URL       OpenDataCam's address (e.g. http://jetson.local:8080)
  --store URL     the store server (e.g. https://store.local:8443)
  --counter ID    the counter's id, as the Footfall tab enrolled it (kind: generic);
                  its password in VITRINE_COUNTER_SECRET
  --in / --out    the names of the counting lines people cross coming in / going out
  --zone NAME     the zone counted (default: entrance)
  --class NAME    the object class counted (default: person)
  --every S       seconds between polls (default: 60)
  --state FILE    the last reading and the passages not pushed yet, kept across restarts
                  (default: $XDG_STATE_HOME or ~/.local/state, vitrine/opendatacam-<ID>.json)`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(64);
}

let args;
try {
  args = parseArgs({
    options: {
      odc: { type: 'string' },
      store: { type: 'string' },
      counter: { type: 'string' },
      in: { type: 'string', multiple: true },
      out: { type: 'string', multiple: true },
      zone: { type: 'string', default: 'entrance' },
      class: { type: 'string', default: 'person' },
      every: { type: 'string', default: '60' },
      state: { type: 'string' },
    },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
const secret = process.env.VITRINE_COUNTER_SECRET;
if (!args.odc || !args.store || !args.counter) fail('--odc, --store and --counter are needed');
if (!secret) fail('the counter’s password goes in VITRINE_COUNTER_SECRET');
if (!args.in?.length && !args.out?.length) fail('name at least one counting line (--in, --out)');
const every = Number(args.every);
if (!Number.isFinite(every) || every < 1 || every > 3_600) fail('--every is 1 to 3600 seconds');

const stateHome = process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
const stateFile =
  args.state ??
  join(stateHome, 'vitrine', `opendatacam-${args.counter.replace(/[^\w-]/g, '_')}.json`);

const bridge = new OdcBridge({
  odcUrl: args.odc,
  pushUrl: new URL(`${API_PREFIX}${insightsRoutes.pushCounts.path}`, args.store).toString(),
  counterId: args.counter,
  secret,
  inLines: args.in ?? [],
  outLines: args.out ?? [],
  zone: args.zone,
  objectClass: args.class,
  stateFile,
});

const say = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
say(`polling ${args.odc} every ${every} s for ${args.store}; ${bridge.startedFrom}`);
for (;;) {
  try {
    const result = await bridge.tick();
    if (result.kind === 'baseline') say('first reading taken: counting from now');
    else if (result.kind === 'pushed' && result.periods > 0)
      say(`pushed ${result.periods} period(s): ${result.in} in, ${result.out} out`);
    else if (result.kind === 'kept') say(`${result.reason} (${result.pending} period(s) kept)`);
  } catch (error) {
    say((error as Error).message);
  }
  await new Promise((resolve) => setTimeout(resolve, every * 1_000));
}
