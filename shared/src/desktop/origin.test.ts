import { describe, expect, it } from 'vitest';
import { isOriginAllowed, isSameOrigin, originOf } from './origin';

describe('originOf', () => {
  it('gives scheme and host of the app scheme, which URL.origin reports as "null"', () => {
    expect(new URL('vitrine-app://kiosk/index.html').origin).toBe('null');
    expect(originOf('vitrine-app://kiosk/index.html')).toBe('vitrine-app://kiosk');
  });

  it('keeps explicit ports and drops default ones', () => {
    expect(originOf('https://store.example:8443/a?b#c')).toBe('https://store.example:8443');
    expect(originOf('https://store.example:443/')).toBe('https://store.example');
  });

  it('has no origin for opaque or broken URLs', () => {
    expect(originOf('data:text/html,<p>hi</p>')).toBeUndefined();
    expect(originOf('javascript:alert(1)')).toBeUndefined();
    expect(originOf('file:///etc/passwd')).toBeUndefined();
    expect(originOf('not a url')).toBeUndefined();
  });
});

describe('isSameOrigin / isOriginAllowed', () => {
  it('does not let a look-alike host pass', () => {
    expect(isSameOrigin('vitrine-app://kiosk.evil/', 'vitrine-app://kiosk')).toBe(false);
    expect(isSameOrigin('vitrine-app://kiosk@evil/', 'vitrine-app://kiosk')).toBe(false);
    expect(isSameOrigin('vitrine-app://signage/', 'vitrine-app://kiosk')).toBe(false);
    expect(isSameOrigin('VITRINE-APP://KIOSK/x', 'vitrine-app://kiosk')).toBe(true);
  });

  it('matches only listed origins, port included', () => {
    const list = ['https://store.example:8443', 'vitrine-app://kiosk'];
    expect(isOriginAllowed('https://store.example:8443/x', list)).toBe(true);
    expect(isOriginAllowed('https://store.example/x', list)).toBe(false);
    expect(isOriginAllowed('http://store.example:8443/x', list)).toBe(false);
    expect(isOriginAllowed('about:blank', list)).toBe(false);
  });
});
