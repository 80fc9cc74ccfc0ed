// Where a device's config file lives. An installer writes it once, next to the
// machine's other settings; VITRINE_CONFIG points elsewhere for tests and demos.
import { posix, win32 } from 'node:path';
import type { ShellApp } from './app-identity';

export type ConfigLocationInput = {
  app: ShellApp;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  userDataDir: string;
};

/** Files to try, first match wins. */
export function configCandidates({
  app,
  platform,
  env,
  userDataDir,
}: ConfigLocationInput): string[] {
  const explicit = env.VITRINE_CONFIG?.trim();
  if (explicit) return [explicit];
  if (platform === 'win32') {
    const programData = env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData';
    return [
      win32.join(programData, 'Vitrine', `${app}.json`),
      win32.join(userDataDir, 'config.json'),
    ];
  }
  return [posix.join('/etc/vitrine', `${app}.json`), posix.join(userDataDir, 'config.json')];
}
