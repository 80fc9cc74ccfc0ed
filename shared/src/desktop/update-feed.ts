// Where a device looks for new versions, and when it may restart to install
// them: from its store server (which mirrors head office) or straight from a
// head-office channel, and only in the night maintenance hour.
import type { ShellApp } from './app-identity';
import type { DeviceConfig } from './config';

export type UpdateFeed = { provider: 'generic'; url: string };

export function updateFeed(
  updates: DeviceConfig['updates'],
  storeServerUrl: string,
  app: ShellApp,
): UpdateFeed | undefined {
  switch (updates.channel) {
    case 'off':
      return undefined;
    case 'store':
      return { provider: 'generic', url: `${storeServerUrl}/updates/${app}` };
    case 'head-office':
      return { provider: 'generic', url: `${updates.url}/${app}` };
  }
}

/** Milliseconds from `now` until the next local `hour`:00 (a downloaded update installs then). */
export function msUntilMaintenance(now: Date, hour = 3): number {
  const next = new Date(now);
  next.setHours(hour, 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next.getTime() - now.getTime();
}
