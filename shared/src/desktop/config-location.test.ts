import { describe, expect, it } from 'vitest';
import { configCandidates } from './config-location';

describe('configCandidates', () => {
  it('prefers the machine-wide file on Linux, then userData', () => {
    const files = configCandidates({
      app: 'signage',
      platform: 'linux',
      env: {},
      userDataDir: '/home/kiosk/.config/Vitrine Signage',
    });
    expect(files).toEqual([
      '/etc/vitrine/signage.json',
      '/home/kiosk/.config/Vitrine Signage/config.json',
    ]);
  });

  it('uses ProgramData on Windows', () => {
    const files = configCandidates({
      app: 'kiosk',
      platform: 'win32',
      env: { ProgramData: 'D:\\ProgramData' },
      userDataDir: 'C:\\Users\\kiosk\\AppData\\Roaming\\Vitrine Kiosk',
    });
    expect(files[0]).toBe('D:\\ProgramData\\Vitrine\\kiosk.json');
  });

  it('lets VITRINE_CONFIG override everything', () => {
    const files = configCandidates({
      app: 'mirror',
      platform: 'linux',
      env: { VITRINE_CONFIG: ' /tmp/demo.json ' },
      userDataDir: '/x',
    });
    expect(files).toEqual(['/tmp/demo.json']);
  });
});
