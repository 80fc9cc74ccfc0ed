// Reads the first config file that exists among the candidates.
import { readFileSync } from 'node:fs';
import type { Result } from '../core/parse';
import type { ShellApp } from './app-identity';
import { parseDeviceConfig, type DeviceConfig } from './config';
import { configCandidates } from './config-location';

export function loadDeviceConfig(
  app: ShellApp,
  userDataDir: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
): Result<DeviceConfig> {
  const candidates = configCandidates({ app, platform, env, userDataDir });
  for (const file of candidates) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    return parseDeviceConfig(text, app, file);
  }
  return {
    ok: false,
    error: `no config file found; write one at ${candidates.join(' or ')} (see docs/desktop.md)`,
  };
}
