import { describe, expect, it } from 'vitest';
import { decidePermission } from './permission-policy';

describe('decidePermission', () => {
  it('grants camera and microphone to the kiosk page itself', () => {
    const request = { permission: 'media', requestingUrl: 'vitrine-app://kiosk/call' };
    expect(decidePermission('kiosk', { ...request, mediaTypes: ['video', 'audio'] })).toBe(true);
    expect(decidePermission('kiosk', { ...request, mediaTypes: ['video'] })).toBe(true);
    expect(decidePermission('kiosk', request)).toBe(true);
  });

  it('grants the mirror its camera but not a microphone', () => {
    const request = { permission: 'media', requestingUrl: 'vitrine-app://mirror/' };
    expect(decidePermission('mirror', { ...request, mediaTypes: ['video'] })).toBe(true);
    expect(decidePermission('mirror', { ...request, mediaTypes: ['audio'] })).toBe(false);
    expect(decidePermission('mirror', { ...request, mediaTypes: ['video', 'audio'] })).toBe(false);
  });

  it('grants signage nothing at all', () => {
    const request = { permission: 'media', requestingUrl: 'vitrine-app://signage/' };
    expect(decidePermission('signage', { ...request, mediaTypes: ['video'] })).toBe(false);
    expect(decidePermission('signage', request)).toBe(false);
  });

  it('refuses other origins, even the store server and look-alikes', () => {
    for (const requestingUrl of [
      'https://store-0042.lan:8443/',
      'vitrine-app://signage/',
      'vitrine-app://kiosk.evil/',
      'file:///index.html',
      '',
    ]) {
      expect(
        decidePermission('kiosk', { permission: 'media', requestingUrl, mediaTypes: ['video'] }),
      ).toBe(false);
    }
  });

  it('refuses every other permission, even from the app', () => {
    for (const permission of [
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'openExternal',
      'fullscreen',
      'pointerLock',
      'hid',
      'serial',
      'usb',
      'display-capture',
      'mediaKeySystem',
      'unknown',
    ]) {
      expect(decidePermission('kiosk', { permission, requestingUrl: 'vitrine-app://kiosk/' })).toBe(
        false,
      );
    }
  });

  it('grants persistent storage to the app itself only', () => {
    expect(
      decidePermission('signage', {
        permission: 'persistent-storage',
        requestingUrl: 'vitrine-app://signage/',
      }),
    ).toBe(true);
    expect(
      decidePermission('signage', {
        permission: 'persistent-storage',
        requestingUrl: 'https://x.example/',
      }),
    ).toBe(false);
  });

  it('refuses unknown media kinds', () => {
    const request = {
      permission: 'media',
      requestingUrl: 'vitrine-app://kiosk/',
      mediaTypes: ['screen'],
    };
    expect(decidePermission('kiosk', request)).toBe(false);
  });
});
