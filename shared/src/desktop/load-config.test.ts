import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeviceConfig } from './load-config';
import { hashPin } from './pin';

describe('loadDeviceConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-config-'));
  const exitPinHash = hashPin('135790');

  it('reads the userData file when no machine-wide file exists', () => {
    const userData = join(dir, 'userData');
    const file = join(userData, 'config.json');
    const body = { v: 1, role: 'signage', storeServerUrl: 'http://127.0.0.1:8080', exitPinHash };
    mkdirAndWrite(file, JSON.stringify(body));
    const result = loadDeviceConfig('signage', userData, {}, 'linux');
    expect(result.ok && result.value.storeServerUrl).toBe('http://127.0.0.1:8080');
  });

  it('uses VITRINE_CONFIG and names that file in errors', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(
      file,
      JSON.stringify({ v: 1, role: 'kiosk', storeServerUrl: 'nope', exitPinHash }),
    );
    const result = loadDeviceConfig('kiosk', dir, { VITRINE_CONFIG: file }, 'linux');
    expect(result).toEqual({
      ok: false,
      error: expect.stringContaining(`${file}: storeServerUrl:`) as unknown,
    });
  });

  it('says where to put a config when there is none', () => {
    const result = loadDeviceConfig(
      'mirror',
      join(dir, 'empty'),
      { VITRINE_CONFIG: join(dir, 'missing.json') },
      'linux',
    );
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^no config file found; write one at .*missing\.json/,
      ) as unknown,
    });
  });
});

function mkdirAndWrite(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
