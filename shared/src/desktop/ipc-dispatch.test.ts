import { describe, expect, it } from 'vitest';
import { dispatchIpc, type IpcHandlers } from './ipc-dispatch';

const credential = { deviceId: 'kiosk-1', secret: 'x'.repeat(24) };
const stored: unknown[] = [];
const handlers: IpcHandlers = {
  appInfo: () => ({
    ok: true,
    value: { app: 'kiosk', version: '1.0.0', packaged: true, storeServerUrl: 'https://s.lan' },
  }),
  getDeviceCredential: () => ({ ok: true, value: credential }),
  setDeviceCredential: (value) => {
    stored.push(value);
    return { ok: true, value: null };
  },
  reportFault: () => Promise.reject(new Error('disk full')),
  exitWithPin: () => ({ ok: false, error: 'wrong PIN' }),
  capturePage: () => ({ ok: true, value: new Uint8Array([0x89, 0x50]) }),
};

describe('dispatchIpc', () => {
  const fromApp = 'vitrine-app://kiosk/product/1';

  it('runs the handler with parsed arguments for the app own page', async () => {
    await expect(
      dispatchIpc('kiosk', handlers, 'getDeviceCredential', fromApp, []),
    ).resolves.toEqual({
      ok: true,
      value: credential,
    });
    await dispatchIpc('kiosk', handlers, 'setDeviceCredential', fromApp, [credential]);
    expect(stored).toEqual([credential]);
  });

  it('refuses callers from any other origin before looking at arguments', async () => {
    for (const sender of ['https://evil.example/', 'vitrine-app://signage/', 'about:blank', '']) {
      const result = await dispatchIpc('kiosk', handlers, 'getDeviceCredential', sender, []);
      expect(result).toEqual({
        ok: false,
        error: 'getDeviceCredential: refused, the caller is not the kiosk app',
      });
    }
  });

  it('refuses bad arguments without calling the handler', async () => {
    const before = stored.length;
    const result = await dispatchIpc('kiosk', handlers, 'setDeviceCredential', fromApp, [
      { deviceId: 1 },
    ]);
    expect(result.ok).toBe(false);
    expect(stored).toHaveLength(before);
  });

  it('turns a failing handler into an error Result', async () => {
    const fault = { kind: 'sync-error', message: 'pull failed' };
    await expect(dispatchIpc('kiosk', handlers, 'reportFault', fromApp, [fault])).resolves.toEqual({
      ok: false,
      error: 'reportFault: disk full',
    });
  });
});
