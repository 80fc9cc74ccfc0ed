// The touchpoints' service worker (Workbox) across a new build, in Chromium:
// two real builds served one after the other; the next start runs the new
// one, never a mix of both, and with the store server gone the app starts on
// the new build from its precache, the scanner's WebAssembly included.
import { describe, expect, it } from 'vitest';
import { measureServiceWorkerUpdate } from '../bench/sw-update';

describe('offline shell across a new build', () => {
  it(
    'kiosk: runs the new build at the next start and offline, wasm precached',
    { timeout: 480_000 },
    async () => {
      const outcome = await measureServiceWorkerUpdate('kiosk');
      expect(outcome.halfUpdated).toEqual([]);
      expect(outcome.navigations).toBe(1);
      expect(outcome.offlineBuild).toBe('second');
      expect(outcome.cached.some((path) => /^assets\/zxing_reader-[\w-]+\.wasm$/.test(path))).toBe(
        true,
      );
      expect(outcome.cached).toContain('index.html');
    },
  );

  it(
    'signage: runs the new build at the next start and offline',
    { timeout: 480_000 },
    async () => {
      const outcome = await measureServiceWorkerUpdate('signage');
      expect(outcome.halfUpdated).toEqual([]);
      expect(outcome.navigations).toBe(1);
      expect(outcome.offlineBuild).toBe('second');
    },
  );
});
