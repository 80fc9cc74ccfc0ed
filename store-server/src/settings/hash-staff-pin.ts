// Prints the --staff-pin-hash value for a staff PIN read from standard input:
//   printf '%s\n' "$PIN" | npm run -s hash-staff-pin --workspace store-server
import { createInterface } from 'node:readline';
import { hashStaffPin, isValidStaffPin } from '@vitrine/shared/core';

if (process.stdin.isTTY) process.stderr.write('Staff PIN (4-12 digits): ');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const pin = line.trim();
  if (!isValidStaffPin(pin)) {
    process.stderr.write('a staff PIN is 4 to 12 digits\n');
    process.exit(2);
  }
  const hash = await hashStaffPin(pin);
  process.stdout.write(`${[hash.algorithm, hash.iterations, hash.salt, hash.hash].join('$')}\n`);
  break;
}
lines.close();
