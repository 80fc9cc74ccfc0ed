// --theme, --staff-pin-hash and --staff-badges as the store server reads them:
// the demo theme loads (logo embedded), and a bad theme stops the start with
// a message naming the field and why.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashStaffPin, verifyStaffPin } from '@vitrine/shared/core';
import { readConfig } from '../config';
import { demoThemePath } from './store-settings';

const repo = resolve(import.meta.dirname, '..', '..', '..');
const defaults = { appsDir: repo };
const demoTheme = JSON.parse(readFileSync(demoThemePath(repo), 'utf8')) as Record<string, unknown>;

function themeFile(theme: unknown, logo?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-theme-'));
  if (logo) writeFileSync(join(dir, 'logo.svg'), logo);
  writeFileSync(join(dir, 'theme.json'), JSON.stringify(theme));
  return join(dir, 'theme.json');
}

/** Outside the demo a server is always for a named store. */
const store = { VITRINE_STORE: 'paris-rivoli' };

describe('brand theme in the store configuration', () => {
  it('loads the demo theme with its logo embedded', () => {
    const result = readConfig(['--theme', demoThemePath(repo)], store, defaults);
    expect(result.kind).toBe('config');
    if (result.kind !== 'config') return;
    expect(result.config.theme?.name).toBe('Maison Vitrine');
    expect(result.config.theme?.logo).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('refuses unreadable colours, naming the pair and the ratio', () => {
    const colours = { ...(demoTheme.colours as object), accentInk: '#5d8a76' };
    const path = themeFile({ ...demoTheme, colours, logo: undefined });
    expect(readConfig([], { ...store, VITRINE_THEME: path }, defaults)).toMatchObject({
      kind: 'error',
      message:
        /^theme\.colours\.accentInk: accentInk on accent has a contrast of 1\.\d\d:1; text needs at least 4\.5:1/,
    });
  });

  it('refuses a missing logo file and a theme that is not JSON', () => {
    const missing = themeFile({ ...demoTheme, logo: 'nowhere.svg' });
    expect(readConfig(['--theme', missing], {}, defaults)).toMatchObject({
      kind: 'error',
      message: /logo .*nowhere\.svg: ENOENT/,
    });
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-theme-'));
    writeFileSync(join(dir, 'theme.json'), '{ colours: ');
    expect(readConfig(['--theme', join(dir, 'theme.json')], {}, defaults)).toMatchObject({
      kind: 'error',
      message: /^theme file .*theme\.json: /,
    });
  });

  it('reads a staff PIN hash and badge hashes', async () => {
    const pin = await hashStaffPin('97531', 100_000);
    const text = [pin.algorithm, pin.iterations, pin.salt, pin.hash].join('$');
    const badge = 'ab'.repeat(32);
    const result = readConfig(
      ['--staff-pin-hash', text, '--staff-badges', ` ${badge.toUpperCase()} `],
      store,
      defaults,
    );
    expect(result.kind).toBe('config');
    if (result.kind !== 'config' || !result.config.staffPinHash) return;
    expect(await verifyStaffPin('97531', result.config.staffPinHash)).toBe(true);
    expect(result.config.staffBadgeHashes).toEqual([badge]);
    expect(readConfig(['--staff-pin-hash', 'plain-1234'], {}, defaults)).toMatchObject({
      kind: 'error',
      message: /staffPinHash/,
    });
  });
});
