// Prints the exitPinHash for a device config. The PIN is read from standard
// input, not the command line, so it stays out of shell history:
//   npm run hash-pin --workspace shared      (then type the PIN and Enter)
//   printf '%s\n' "$PIN" | npm run -s hash-pin --workspace shared
import { createInterface } from 'node:readline/promises';
import { hashPin, isValidPinFormat } from './pin';

const input = createInterface({ input: process.stdin, terminal: false });
if (process.stdin.isTTY) process.stderr.write('Staff PIN (6-12 digits): ');
let pin = '';
for await (const line of input) {
  pin = line.trim();
  break;
}
input.close();
if (!isValidPinFormat(pin)) {
  process.stderr.write('a staff PIN is 6 to 12 digits\n');
  process.exitCode = 1;
} else {
  process.stdout.write(`${hashPin(pin)}\n`);
}
