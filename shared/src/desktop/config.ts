// The device config file: which store server to talk to, what this device is,
// the staff PIN hash and where updates come from. Parsed from unknown; every
// error names the field so an installer can fix the file.
import { z } from 'zod';
import { TrustAnchor } from '../core/campaign/signed-campaign';
import { CertificateFingerprint } from '../core/store-trust';
import { parseJson, type Result } from '../core/parse';
import { ShellApp } from './app-identity';
import { isValidPinHash } from './pin';

const DEVICE_CONFIG_VERSION = 1;

const ServerUrl = z
  .string()
  .refine((text) => {
    try {
      const url = new URL(text);
      const bare = url.pathname === '/' && !url.search && !url.hash;
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && bare;
    } catch {
      return false;
    }
  }, 'must be an http(s) URL with no path, query or credentials, e.g. "https://store-0042.lan:8443"')
  .transform((text) => new URL(text).origin);

const HttpsUrl = z
  .string()
  .refine((text) => {
    try {
      return new URL(text).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an https URL')
  .transform((text) => text.replace(/\/+$/, ''));

const Updates = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('off') }),
  /** The store server mirrors installers under /updates/<app>/. */
  z.object({ channel: z.literal('store') }),
  z.object({ channel: z.literal('head-office'), url: HttpsUrl }),
]);

const Watchdog = z.object({
  hangGraceMs: z.number().int().min(1_000).max(120_000).default(15_000),
  maxReloads: z.number().int().min(1).max(20).default(3),
  reloadWindowMs: z.number().int().min(10_000).max(3_600_000).default(300_000),
  maxRelaunches: z.number().int().min(1).max(20).default(3),
  relaunchWindowMs: z.number().int().min(60_000).max(86_400_000).default(1_800_000),
  coolDownMs: z.number().int().min(60_000).max(86_400_000).default(600_000),
});

export const DeviceConfig = z.strictObject({
  v: z.literal(DEVICE_CONFIG_VERSION, {
    error: `must be ${DEVICE_CONFIG_VERSION} (the config format version)`,
  }),
  role: ShellApp,
  storeServerUrl: ServerUrl,
  exitPinHash: z.string().refine(isValidPinHash, {
    error: 'must be a hash made by "npm run hash-pin --workspace shared" (scrypt$N$r$p$salt$hash)',
  }),
  updates: Updates.default({ channel: 'store' }),
  /** Extra origins the window may navigate to; the app's own origin is always allowed. */
  extraNavigationOrigins: z.array(ServerUrl).max(10).default([]),
  watchdog: Watchdog.default(Watchdog.parse({})),
  /**
   * Head office's campaign-signing key, from the installer (the store server's
   * `GET /api/v1/campaigns/trust-anchor`, checked out of band). A signage
   * player with it trusts only campaigns signed by it, even from its very first
   * contact with a store server; without it, the player pins the first key a
   * store server offers.
   */
  headOfficeKey: TrustAnchor.optional(),
  /**
   * The store CA's SHA-256 fingerprint (GET /api/v1/tls/status, or the server's
   * start log), from the installer: at first contact the shell pins only that
   * CA. Without it, the first CA the store server presents is pinned and staff
   * compare its fingerprint on the pairing screen with the console's.
   */
  storeCaFingerprint: CertificateFingerprint.optional(),
});
export type DeviceConfig = z.infer<typeof DeviceConfig>;

/** Parses the text of a config file for `app`; the error starts with the file name. */
export function parseDeviceConfig(text: string, app: ShellApp, file: string): Result<DeviceConfig> {
  const parsed = parseJson(DeviceConfig, text);
  if (!parsed.ok) return { ok: false, error: `${file}: ${parsed.error}` };
  if (parsed.value.role !== app) {
    const error = `${file}: role: this file is for a ${parsed.value.role} device, but this is the ${app} app`;
    return { ok: false, error };
  }
  return parsed;
}
