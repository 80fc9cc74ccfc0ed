import { describe, expect, it } from 'vitest';
import { buildCsp, withoutCsp } from './csp';

function directive(csp: string, name: string): string[] {
  const found = csp.split('; ').find((part) => part.startsWith(`${name} `));
  return found ? found.split(' ').slice(1) : [];
}

describe('buildCsp', () => {
  const csp = buildCsp('https://store-0042.lan:8443');

  it('runs only the app own scripts, never eval', () => {
    expect(directive(csp, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
    expect(directive(csp, 'base-uri')).toEqual(["'none'"]);
    expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"]);
  });

  it('lets the app reach its store server over HTTP and MQTT-over-WebSocket', () => {
    expect(directive(csp, 'connect-src')).toEqual([
      "'self'",
      'data:', // the buffers a .gltf model embeds
      'https://store-0042.lan:8443',
      'wss://store-0042.lan:8443',
    ]);
    expect(directive(csp, 'img-src')).toContain('https://store-0042.lan:8443');
    expect(directive(csp, 'media-src')).toContain('https://store-0042.lan:8443');
  });

  it('frames nothing, except https web pages for signage', () => {
    expect(directive(csp, 'frame-src')).toEqual(["'none'"]);
    const signage = buildCsp('https://store-0042.lan:8443', { webFrames: true });
    expect(directive(signage, 'frame-src')).toEqual(['https:']);
  });

  it('uses ws: for a plain-HTTP store server', () => {
    expect(directive(buildCsp('http://10.0.0.5:8080'), 'connect-src')).toContain(
      'ws://10.0.0.5:8080',
    );
  });
});

describe('withoutCsp', () => {
  it('drops CSP headers in any case and keeps the rest', () => {
    const headers = {
      'Content-Type': ['text/html'],
      'content-security-policy': ['default-src *'],
      'Content-Security-Policy-Report-Only': ['x'],
    };
    expect(withoutCsp(headers)).toEqual({ 'Content-Type': ['text/html'] });
    expect(withoutCsp(undefined)).toEqual({});
  });
});
