import { describe, expect, it } from 'vitest';
import { ipcChannels, ipcMethods, isIpcChannel } from './ipc-channels';
import { ipcArgs, parseIpcArgs } from './ipc-contract';

describe('ipc channels', () => {
  it('has one schema per channel and namespaced, unique names', () => {
    expect(Object.keys(ipcArgs).sort()).toEqual([...ipcMethods].sort());
    const names = Object.values(ipcChannels);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^vitrine:[a-z:-]+$/);
  });

  it('recognises only declared channels', () => {
    expect(isIpcChannel('vitrine:app-info')).toBe(true);
    expect(isIpcChannel('vitrine:shell:exec')).toBe(false);
    expect(isIpcChannel('')).toBe(false);
  });
});

describe('parseIpcArgs', () => {
  const credential = { deviceId: 'kiosk-07', secret: 's'.repeat(32) };

  it('accepts well-formed arguments', () => {
    expect(parseIpcArgs('appInfo', [])).toEqual({ ok: true, value: [] });
    expect(parseIpcArgs('setDeviceCredential', [credential])).toEqual({
      ok: true,
      value: [credential],
    });
    expect(parseIpcArgs('exitWithPin', ['482913'])).toEqual({ ok: true, value: ['482913'] });
    const fault = { kind: 'scanner-error', message: 'camera lost' };
    expect(parseIpcArgs('reportFault', [fault])).toEqual({ ok: true, value: [fault] });
  });

  it('refuses extra, missing or wrongly typed arguments with a reason', () => {
    expect(parseIpcArgs('appInfo', ['extra'])).toMatchObject({ ok: false });
    expect(parseIpcArgs('exitWithPin', [])).toMatchObject({ ok: false });
    expect(parseIpcArgs('exitWithPin', [482913])).toMatchObject({ ok: false });
    expect(parseIpcArgs('exitWithPin', ['1'.repeat(1000)])).toMatchObject({ ok: false });
    expect(parseIpcArgs('exitWithPin', 'not an array')).toMatchObject({ ok: false });
    const bad = parseIpcArgs('setDeviceCredential', [{ ...credential, deviceId: '../../etc' }]);
    expect(bad).toEqual({
      ok: false,
      error: expect.stringMatching(/^setDeviceCredential: 0\.deviceId/) as unknown,
    });
  });

  it('refuses unexpected fields instead of passing them on', () => {
    const withExtra = { ...credential, isAdmin: true };
    expect(parseIpcArgs('setDeviceCredential', [withExtra])).toMatchObject({ ok: false });
    const fault = { kind: 'x-y', message: 'm', stack: 'at …' };
    expect(parseIpcArgs('reportFault', [fault])).toMatchObject({ ok: false });
  });

  it('refuses a prototype-polluting payload', () => {
    const hostile: unknown = JSON.parse(
      '[{"__proto__": {"polluted": true}, "kind": "x-y", "message": "m"}]',
    );
    expect(parseIpcArgs('reportFault', hostile)).toMatchObject({ ok: false });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
