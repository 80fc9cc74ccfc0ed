import { describe, expect, it } from 'vitest';
import { parseDeviceConfig } from './config';
import { hashPin } from './pin';

const exitPinHash = hashPin('482913');
const minimal = { v: 1, role: 'kiosk', storeServerUrl: 'https://store-0042.lan:8443', exitPinHash };
const parse = (value: unknown, app: 'kiosk' | 'signage' | 'mirror' = 'kiosk') =>
  parseDeviceConfig(JSON.stringify(value), app, '/etc/vitrine/kiosk.json');

function errorOf(value: unknown): string {
  const result = parse(value);
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('parseDeviceConfig', () => {
  it('fills defaults for a minimal file', () => {
    const result = parse(minimal);
    expect(result.ok && result.value).toMatchObject({
      role: 'kiosk',
      storeServerUrl: 'https://store-0042.lan:8443',
      updates: { channel: 'store' },
      extraNavigationOrigins: [],
      watchdog: { hangGraceMs: 15_000, maxReloads: 3, reloadWindowMs: 300_000 },
    });
  });

  it('normalises the server URL to its origin', () => {
    const result = parse({ ...minimal, storeServerUrl: 'http://10.0.0.5:8080/' });
    expect(result.ok && result.value.storeServerUrl).toBe('http://10.0.0.5:8080');
  });

  it('names the file and the field in every error', () => {
    expect(errorOf({ ...minimal, storeServerUrl: 'ftp://x' })).toMatch(
      /^\/etc\/vitrine\/kiosk\.json: storeServerUrl: must be an http\(s\) URL/,
    );
    expect(errorOf({ ...minimal, storeServerUrl: 'https://x/api' })).toMatch(/storeServerUrl/);
    expect(errorOf({ ...minimal, storeServerUrl: 'https://u:p@x' })).toMatch(/storeServerUrl/);
    expect(errorOf({ ...minimal, exitPinHash: '482913' })).toMatch(/exitPinHash: must be a hash/);
    expect(errorOf({ ...minimal, v: 2 })).toMatch(/v: must be 1/);
    expect(errorOf({ ...minimal, role: 'till' })).toMatch(/role:/);
    expect(errorOf({ ...minimal, watchdog: { maxReloads: 0 } })).toMatch(/watchdog\.maxReloads/);
    expect(errorOf({ ...minimal, updates: { channel: 'head-office', url: 'http://x' } })).toMatch(
      /updates\.url: must be an https URL/,
    );
  });

  it('refuses unknown fields, which are usually typos', () => {
    expect(errorOf({ ...minimal, storeServerURL: 'https://x' })).toMatch(/storeServerURL/);
  });

  it('refuses a file written for another app', () => {
    const result = parse({ ...minimal, role: 'signage' }, 'kiosk');
    expect(result).toEqual({
      ok: false,
      error:
        '/etc/vitrine/kiosk.json: role: this file is for a signage device, but this is the kiosk app',
    });
  });

  it('reports broken JSON', () => {
    const result = parseDeviceConfig('{ "v": 1,', 'kiosk', 'c.json');
    expect(!result.ok && result.error).toMatch(/^c\.json: invalid JSON/);
  });

  it("reads head office's campaign key, and names it when it is not one", () => {
    const headOfficeKey = { keyId: 'ho-2026', publicKey: 'A'.repeat(43) };
    const signage = { ...minimal, role: 'signage', headOfficeKey };
    const result = parse(signage, 'signage');
    expect(result.ok && result.value.headOfficeKey).toEqual(headOfficeKey);
    const bad = parse(
      { ...signage, headOfficeKey: { ...headOfficeKey, publicKey: 'xyz' } },
      'signage',
    );
    expect(!bad.ok && bad.error).toMatch(/headOfficeKey\.publicKey: a raw Ed25519 public key/);
  });

  it('keeps the head-office update URL without trailing slashes', () => {
    const updates = { channel: 'head-office', url: 'https://updates.example.com/vitrine/' };
    const result = parse({ ...minimal, updates });
    expect(result.ok && result.value.updates).toEqual({
      channel: 'head-office',
      url: 'https://updates.example.com/vitrine',
    });
  });
});
