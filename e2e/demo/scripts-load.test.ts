// The README's tsx scripts run outside vitest, where a CSS import from a UI
// module fails to load (vitest handles it, tsx does not): `npm run
// screenshots` was broken that way. This starts the script itself.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/test-server';

describe('npm run screenshots', () => {
  it('loads under tsx and names its shots', () => {
    const out = execFileSync(
      join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
      ['e2e/screenshots/take-screenshots.ts', '--list'],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    const names = out.trim().split('\n');
    expect(names).toContain('kiosk-search');
    expect(names).toContain('mirror-garment');
  }, 90_000);
});
