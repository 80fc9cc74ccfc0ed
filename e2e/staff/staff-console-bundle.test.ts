// The staff console's first load carries only what the staff page uses: no
// MQTT client, no Dexie (the expert console and the touchpoints need them),
// and stays under the issue 14 budget. Reads the built console (npm test
// builds it before vitest runs).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAFF_CONSOLE_BUDGET_KB } from '../bench/bundle-sizes.bench';
import { pageLoad, totalBytes } from '../support/first-load';
import { REPO_ROOT } from '../support/test-server';

const CONSOLE_DIST = join(REPO_ROOT, 'store-server/console/dist');

describe('staff console bundle', () => {
  it('loads neither mqtt nor dexie, within the budget', async () => {
    const load = await pageLoad(CONSOLE_DIST, '/console/', 'staff.html');
    const packages = new Set(load.firstLoad.flatMap((file) => file.sources));
    // The walk did reach the app's code: React and the staff page itself.
    expect(packages).toContain('react-dom');
    expect(load.firstLoad.some((file) => file.path.startsWith('assets/staff-'))).toBe(true);
    expect([...packages].filter((name) => name === 'mqtt' || name === 'dexie')).toEqual([]);
    expect(totalBytes(load.firstLoad, 'gzipBytes') / 1024).toBeLessThanOrEqual(
      STAFF_CONSOLE_BUDGET_KB,
    );
  });

  it('still finds mqtt in the expert console, which uses it', async () => {
    const load = await pageLoad(CONSOLE_DIST, '/console/', 'expert.html');
    expect(load.firstLoad.flatMap((file) => file.sources)).toContain('mqtt');
  });
});
