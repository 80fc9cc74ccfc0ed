// Launches the real Chromium this machine has (see scripts/provision-test-tools.mjs)
// with the flags it needs here, through playwright-core.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string | undefined {
  return CANDIDATES.find((path): path is string => !!path && existsSync(path));
}

/** A persistent context: a fresh profile directory that survives page reloads. */
export async function launchChromium(extraArgs: string[] = []): Promise<BrowserContext> {
  const executablePath = chromiumPath();
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'vitrine-chromium-')), {
    headless: true,
    ...(executablePath ? { executablePath } : {}),
    args: [...CHROMIUM_FLAGS, ...extraArgs],
  });
}

/** A Chromium whose camera plays `videoFile` (a .y4m, see e2e/fixtures/label-video.ts). */
export function launchWithCameraVideo(
  videoFile: string,
  extraArgs: string[] = [],
): Promise<BrowserContext> {
  return launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${videoFile}`,
    ...extraArgs,
  ]);
}
