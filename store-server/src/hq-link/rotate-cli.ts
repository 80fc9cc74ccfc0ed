// Rotates this store's link key (rotate-key.ts says how), the store server running or not:
//   npm run hq-rotate -- --data ./data
// Exit 0: rotated; 64: bad arguments; 1: head office refused or could not be reached.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { rotateStoreKey } from './rotate-key';

const USAGE = `Usage: npm run hq-rotate -- --data DIR

  --data DIR    this store server's data folder (its link is DIR/hq/hq-link.json)`;

const fail = (message: string, code: number): never => {
  process.stderr.write(`hq-rotate: ${message}\n`);
  process.exit(code);
};

let data: string | undefined;
try {
  data = parseArgs({ strict: true, options: { data: { type: 'string' } } }).values.data;
} catch (error) {
  fail(`${(error as Error).message}\n\n${USAGE}`, 64);
}
if (!data) fail(`--data is required\n\n${USAGE}`, 64);
const linkFile = join(resolve(data!), 'hq', 'hq-link.json');
try {
  const rotation = await rotateStoreKey(linkFile, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(
    `Store ${rotation.storeId} now opens the link with ${rotation.newKey} only.\n` +
      'A running store server reconnects with it by itself (it re-reads the seed file).\n',
  );
} catch (error) {
  fail((error as Error).message, 1);
}
