import { describe, expect, it } from 'vitest';
import { decideNavigation, decideWindowOpen } from './navigation-policy';

const allowList = ['vitrine-app://kiosk', 'https://help.example.com'];

describe('decideNavigation', () => {
  it('allows the app and listed origins', () => {
    expect(decideNavigation('vitrine-app://kiosk/product/123', allowList)).toEqual({ allow: true });
    expect(decideNavigation('https://help.example.com/faq', allowList)).toEqual({ allow: true });
  });

  it('denies everything else, with a reason that leaks no query', () => {
    expect(decideNavigation('https://evil.example/?token=secret', allowList)).toEqual({
      allow: false,
      reason: 'navigation to https://evil.example is outside the allow-list',
    });
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
      'vitrine-app://signage/',
      'http://help.example.com/',
      'chrome://settings',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(decideNavigation(url, allowList).allow).toBe(false);
    }
  });
});

describe('decideWindowOpen', () => {
  it('never opens a window, but an allowed URL replaces the page', () => {
    expect(decideWindowOpen('vitrine-app://kiosk/help', allowList)).toEqual({
      action: 'deny',
      navigateInPlace: 'vitrine-app://kiosk/help',
      reason: 'new windows open in place',
    });
  });

  it('denies the rest outright', () => {
    const decision = decideWindowOpen('https://ads.example/x?y', allowList);
    expect(decision).toEqual({
      action: 'deny',
      reason: 'window.open of https://ads.example is outside the allow-list',
    });
  });
});
