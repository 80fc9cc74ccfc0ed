import { describe, expect, it } from 'vitest';
import { resolveAppAsset } from './app-asset';

describe('resolveAppAsset', () => {
  it('serves built files with their content type', () => {
    expect(resolveAppAsset('kiosk', 'vitrine-app://kiosk/assets/index-3f2a.js')).toEqual({
      ok: true,
      relativePath: 'assets/index-3f2a.js',
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppAsset('kiosk', 'vitrine-app://kiosk/zxing_reader.wasm?v=2')).toMatchObject({
      ok: true,
      relativePath: 'zxing_reader.wasm',
      contentType: 'application/wasm',
    });
    expect(resolveAppAsset('kiosk', 'vitrine-app://kiosk/my%20logo.png')).toMatchObject({
      ok: true,
      relativePath: 'my logo.png',
    });
  });

  it('answers index.html for the root and for client-side routes', () => {
    for (const url of [
      'vitrine-app://kiosk/',
      'vitrine-app://kiosk',
      'vitrine-app://kiosk/product/123',
    ]) {
      expect(resolveAppAsset('kiosk', url)).toMatchObject({ ok: true, relativePath: 'index.html' });
    }
  });

  it('never climbs out of dist/', () => {
    for (const url of [
      'vitrine-app://kiosk/..%2f..%2fetc%2fpasswd',
      'vitrine-app://kiosk/assets/..%5c..%5csecret.json',
      'vitrine-app://kiosk/a%00.js',
      'vitrine-app://kiosk/.env.json',
      'vitrine-app://kiosk/C:%5cWindows%5cwin.ini',
    ]) {
      expect(resolveAppAsset('kiosk', url)).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('relies on URL parsing to fold encoded dot segments inside dist/', () => {
    expect(
      resolveAppAsset('kiosk', 'vitrine-app://kiosk/%2e%2e/%2E%2E/manifest.json'),
    ).toMatchObject({
      ok: true,
      relativePath: 'manifest.json',
    });
  });

  it('does not serve the bundled shell or unknown file types', () => {
    expect(resolveAppAsset('kiosk', 'vitrine-app://kiosk/shell/main.cjs')).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(resolveAppAsset('kiosk', 'vitrine-app://kiosk/app.asar')).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  it('refuses other apps and schemes', () => {
    expect(resolveAppAsset('kiosk', 'vitrine-app://signage/index.html')).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(resolveAppAsset('kiosk', 'https://kiosk/index.html')).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(resolveAppAsset('kiosk', 'vitrine-app://kiosk/%E0%A4%A.js')).toMatchObject({
      ok: false,
      status: 400,
    });
  });
});
