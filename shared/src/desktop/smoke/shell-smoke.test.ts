// Runs the whole shell — config loading, protocol, guards, IPC, vault,
// watchdog, fault queue, staff exit — bundled exactly as the apps bundle it,
// but against electron-stub.ts instead of Electron, whose binary cannot be
// downloaded here. It proves the wiring calls what it should; it does not
// prove Electron behaves as its documentation says.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { FaultReport } from '../fault-report';
import { hashPin } from '../pin';

const here = dirname(fileURLToPath(import.meta.url));
type SmokeResult = Record<string, unknown> & { calls: string[] };

describe('the bundled shell against a stub of Electron', () => {
  const work = mkdtempSync(join(tmpdir(), 'vitrine-smoke-'));
  const userData = join(work, 'userData');
  let result: SmokeResult;

  beforeAll(async () => {
    const appPath = join(work, 'app');
    mkdirSync(join(appPath, 'dist', 'shell'), { recursive: true });
    writeFileSync(join(appPath, 'dist', 'index.html'), '<!doctype html><title>kiosk</title>');
    writeFileSync(join(appPath, 'dist', 'shell', 'main.cjs'), '// must not be served');
    const config = {
      v: 1,
      role: 'kiosk',
      // Port 9 (discard) on loopback: nothing answers, so faults must queue.
      storeServerUrl: 'http://127.0.0.1:9',
      exitPinHash: hashPin('482913'),
      updates: { channel: 'off' },
    };
    writeFileSync(join(work, 'kiosk.json'), JSON.stringify(config));

    const bundle = join(work, 'smoke.cjs');
    await build({
      entryPoints: [join(here, 'smoke-driver.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: bundle,
      alias: { electron: join(here, 'electron-stub.ts') },
      logLevel: 'error',
    });
    const run = spawnSync(process.execPath, [bundle], {
      env: {
        PATH: process.env.PATH,
        VITRINE_CONFIG: join(work, 'kiosk.json'),
        SMOKE_USER_DATA: userData,
        SMOKE_APP_PATH: appPath,
        SMOKE_PIN: '482913',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (run.status !== 0) throw new Error(`the smoke driver failed:\n${run.stderr}`);
    const lastLine = run.stdout.trim().split('\n').at(-1) ?? '';
    result = JSON.parse(lastLine) as SmokeResult;
  }, 60_000);

  it('registers the privileged scheme, serves dist/ with the CSP and hides the shell bundle', () => {
    expect(result.calls).toContain('registerSchemesAsPrivileged vitrine-app');
    expect(result.calls).toContain('protocol.handle vitrine-app');
    expect(result.calls).toContain('setCertificateVerifyProc');
    expect(result.page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(result.page).toMatchObject({
      csp: expect.stringContaining("script-src 'self'") as unknown,
    });
    expect(result.shellBundleServed).toBe(404);
    expect(result.networkCsp).toEqual([
      ['Content-Security-Policy', [expect.stringContaining("default-src 'self'")]],
    ]);
  });

  it('opens one hardened kiosk window on the app protocol, kept awake, with no menu', () => {
    expect(result.kiosk).toBe(true);
    expect(result.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
      preload: join(work, 'app', 'dist', 'shell', 'preload.cjs'),
    });
    expect(result.calls).toContain('window.loadURL vitrine-app://kiosk/');
    expect(result.calls).toContain('powerSaveBlocker prevent-display-sleep');
    expect(result.calls).toContain('setApplicationMenu null');
  });

  it('answers only the contract channels, only for the app, with parsed arguments', () => {
    expect(result.channels).toEqual([
      'vitrine:app-info',
      'vitrine:credential:get',
      'vitrine:credential:set',
      'vitrine:fault:report',
      'vitrine:screen:capture',
      'vitrine:staff:exit-with-pin',
    ]);
    // Only signage hands out a picture of its screen.
    expect(result.captureFromKiosk).toMatchObject({ ok: false });
    expect(result.appInfo).toMatchObject({
      ok: true,
      value: { app: 'kiosk', storeServerUrl: 'http://127.0.0.1:9' },
    });
    expect(result.appInfoFromElsewhere).toMatchObject({ ok: false });
    expect(result.badArgs).toMatchObject({ ok: false });
    expect(result.setCredential).toEqual({ ok: true, value: null });
    expect(result.getCredential).toEqual({
      ok: true,
      value: { deviceId: 'kiosk-07', secret: 's'.repeat(32) },
    });
    expect(readFileSync(join(userData, 'device-credential.bin')).toString('utf8')).not.toContain(
      's'.repeat(32),
    );
  });

  it('denies navigation, new windows and permissions outside the policy', () => {
    expect(result.navigationPrevented).toBe(true);
    expect(result.windowOpen).toEqual({ action: 'deny' });
    expect(result.camera).toBe(true);
    expect(result.geolocation).toBe(false);
    expect(result.cameraForStoreServer).toBe(false);
  });

  it('reloads a crashed renderer and keeps the fault for the store server', () => {
    expect(result.calls).toContain('contents.loadURL vitrine-app://kiosk/');
    const queued = JSON.parse(
      readFileSync(join(userData, 'fault-queue.json'), 'utf8'),
    ) as unknown[];
    const faults = queued.map((entry) => FaultReport.parse(entry));
    expect(faults).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'renderer-crashed',
          action: 'reload',
          detail: 'reason=crashed exitCode=11',
        }),
      ]),
    );
  });

  it('lets staff out with the PIN only', () => {
    expect(result.wrongPin).toEqual({ ok: false, error: 'wrong PIN' });
    expect(result.rightPin).toEqual({ ok: true, value: { exiting: true } });
    expect(result.calls).toContain('app.quit');
    expect(readFileSync(join(userData, 'logs', 'shell.log'), 'utf8')).toContain(
      '"event":"staff-exit"',
    );
  });
});
