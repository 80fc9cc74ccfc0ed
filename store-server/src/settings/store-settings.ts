// Publishes the store's settings for its screens (brand theme, staff access,
// currency) as one synced document, written only when it changed so a restart
// does not make every device pull. The demo store gets the demo theme, PIN and
// badge, and which expert skill each of its departments calls for.
import { join } from 'node:path';
import {
  BrandTheme,
  DEFAULT_CURRENCY,
  hashStaffBadge,
  hashStaffPin,
  parseUnknown,
  type StoreSettings,
} from '@vitrine/shared/core';
import type { StoreServerConfig } from '../config';
import { DEMO_SKILLS } from '../demo/category-path';
import type { DocStore } from '../sync/doc-store';
import { readThemeFile } from './theme-file';

/** The demo store's staff PIN and badge code (never use outside the demo). */
export const DEMO_STAFF_PIN = '246810';
export const DEMO_STAFF_BADGE = 'STAFF0000042';

export function demoThemePath(appsDir: string): string {
  return join(appsDir, 'assets', 'demo-theme', 'theme.json');
}

async function settingsOf(config: StoreServerConfig): Promise<StoreSettings> {
  if (!config.demo)
    return {
      id: config.storeId,
      ...currencyOf(config),
      ...(config.theme ? { theme: config.theme } : {}),
      ...(config.staffPinHash || config.staffBadgeHashes
        ? {
            staffAccess: {
              ...(config.staffPinHash ? { pin: config.staffPinHash } : {}),
              badges: config.staffBadgeHashes ?? [],
            },
          }
        : {}),
    };
  const theme = config.theme ?? demoTheme(config.appsDir);
  // A fixed salt: the same demo document at every start.
  const salt = new TextEncoder().encode(`vitrine-demo-${config.storeId}`.slice(0, 32));
  return {
    id: config.storeId,
    ...currencyOf(config),
    theme,
    skillsByDepartment: DEMO_SKILLS,
    staffAccess: {
      pin: config.staffPinHash ?? (await hashStaffPin(DEMO_STAFF_PIN, 310_000, salt)),
      badges: config.staffBadgeHashes ?? [await hashStaffBadge(DEMO_STAFF_BADGE)],
    },
  };
}

// EUR stays out of the document, so the settings of a euro store do not change
// (and no device pulls them again) when a server learns about currencies.
function currencyOf(config: StoreServerConfig): Pick<StoreSettings, 'currency'> {
  return config.currency === undefined || config.currency === DEFAULT_CURRENCY
    ? {}
    : { currency: config.currency };
}

function demoTheme(appsDir: string): BrandTheme {
  const parsed = parseUnknown(BrandTheme, readThemeFile(demoThemePath(appsDir)));
  if (!parsed.ok) throw new Error(`demo theme: ${parsed.error}`);
  return parsed.value;
}

/**
 * A store of a chain (`chain`: it has --hq-link) takes its settings from head office (the link's
 * settings and snapshots): its local configuration only fills the document on a first start,
 * before head office has said anything, and never overwrites it afterwards.
 */
export async function publishStoreSettings(
  docs: DocStore,
  config: StoreServerConfig,
  chain = false,
): Promise<void> {
  const current = docs.get<StoreSettings>('settings', config.storeId);
  if (chain && current) return;
  const settings = await settingsOf(config);
  if (JSON.stringify(current) === JSON.stringify(settings)) return;
  docs.write([{ c: 'settings', id: config.storeId, body: settings }]);
}
