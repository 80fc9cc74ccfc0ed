// A web-page item in the real player: the renderer's CSP (frame-src https:)
// lets the sandboxed frame load an https page, which then shows on screen.
// The page is served by a local HTTPS server with a throw-away certificate.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { launchChromium } from '../support/chromium';
import { freshDataDir, startTestServer } from '../support/test-server';
import { draft, publish, signIn, uploadPng } from './head-office';

let server: StoreServer;
let browser: BrowserContext;
let site: Server;

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = freshDataDir('web-item-cert');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

beforeAll(async () => {
  site = createServer(selfSignedCertificate(), (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>offer</title><h1 id="offer">Offre du jour</h1>');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  server = await startTestServer();
  browser = await launchChromium(['--ignore-certificate-errors']);
});
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
  site?.close();
});

describe('web-page items in the player', () => {
  it('shows an https page in a sandboxed frame, allowed by the renderer CSP', async () => {
    const pageUrl = `https://127.0.0.1:${(site.address() as AddressInfo).port}/offer`;
    const csp = (await fetch(`${server.url}/signage/`)).headers.get('content-security-policy');
    expect(csp).toContain('frame-src https:');

    const editor = await signIn(server.url, 'editor');
    const publisher = await signIn(server.url, 'publisher');
    const campaign = draft('web-offer', await uploadPng(server.url, editor));
    campaign.playlists[0]!.items = [{ id: 'offer', kind: 'web', durationMs: 60_000, url: pageUrl }];
    await publish(server.url, editor, publisher, campaign);

    const page = await browser.newPage();
    await page.goto(`${server.url}/signage/`);
    await expect
      .poll(() => page.getByTestId('player').getAttribute('data-campaign'), { timeout: 30_000 })
      .toBe('web-offer');
    const frame = page.locator('[data-layer="current"] iframe');
    expect(await frame.getAttribute('sandbox')).toBe('');
    await expect
      .poll(
        () => page.frameLocator('[data-layer="current"] iframe').locator('#offer').textContent(),
        {
          timeout: 10_000,
        },
      )
      .toBe('Offre du jour');
  }, 60_000);
});
