// A short run of every attack in `npm run attack`: the full counts run there.
import { describe, expect, it } from 'vitest';
import { ALL_ATTACKS } from './all-attacks';
import { runAttacks } from './run-attacks';

describe('npm run attack, smoke counts', () => {
  it.each(ALL_ATTACKS.map((attack) => [attack.name, attack] as const))(
    '%s: the server holds',
    async (_name, attack) => {
      const [row] = await runAttacks([attack], { smoke: true });
      expect(row?.result).toBeTruthy();
      expect(row, row?.result).toMatchObject({ pass: true, dataLost: 0 });
    },
    180_000,
  );
});
