// Starts a real store server (SQLite, aedes, Express) on free ports in a fresh
// data directory, the way the tests and benchmarks need it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startStoreServer, type StoreServer } from '@vitrine/store-server/server';
import type { StoreServerConfig } from '@vitrine/store-server/config';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

export function freshDataDir(label = 'vitrine'): string {
  return mkdtempSync(join(tmpdir(), `${label}-`));
}

export async function startTestServer(
  overrides: Partial<StoreServerConfig> = {},
): Promise<StoreServer> {
  return startStoreServer({
    storeId: 'paris-rivoli',
    httpHost: '127.0.0.1',
    httpPort: 0,
    mqttPort: 0,
    dataDir: overrides.dataDir ?? freshDataDir(),
    demo: true,
    demoScale: 200,
    // Signage tests publish their own campaigns; the demo one is tested on its own.
    demoCampaign: false,
    demoInsights: false,
    timeZone: 'Europe/Paris',
    lookTtlHours: 24,
    turnTtlMinutes: 240,
    storageFloorMb: 32,
    appsDir: REPO_ROOT,
    logLevel: 'silent',
    ...overrides,
  });
}

/** Polls until `check` returns a truthy value, or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T> | T,
  what: string,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: Error | undefined;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error instanceof Error ? error : new Error(JSON.stringify(error));
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
