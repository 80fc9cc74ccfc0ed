// 0 acknowledged writes lost across disk-full and kill: screens record events
// while a real tmpfs fills, the server is SIGKILLed, restarted on the full disk
// (read-only, 503) and recovers when space returns (e2e/attack/attacks/disk-full.ts).
import { expect, it } from 'vitest';
import { diskFullAndKill } from '../attack/attacks/disk-full';

it(
  'loses no acknowledged event across a full disk, a kill and a read-only restart',
  {
    timeout: 180_000,
  },
  async () => {
    const outcome = await diskFullAndKill({ smoke: true });
    expect(outcome).toMatchObject({ pass: true, dataLost: 0 });
  },
);
