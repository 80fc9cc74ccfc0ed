// Head office's console in a real Chromium against a real head office (PostgreSQL 15, a real
// nats-server whose users file head office keeps): sign in with the admin token, create a store,
// get its one-time enrolment code and run the very command the console prints, start that store
// with the link it made, publish a campaign to its region, and see the store's kiosk in the
// fleet, then its feedback (sent over MQTT as a kiosk sends it, through the store and the link)
// in head office's reports. A wrong password, a wrong token and a bad store are refused with a
// clear message; a person signs in with their password.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { hqRoutes, routeUrl, topics } from '@vitrine/shared/core';
import { uuidV7 } from '../../head-office/src/events/test-events';
import { startStoresTestBed } from '../../head-office/src/stores/test-bed';
import { launchChromium } from '../support/chromium';
import { signInThroughConsole } from '../support/console-page';
import {
  enrolAndApprove,
  freePort,
  spawnServer,
  type ServerProcess,
} from '../support/server-process';
import { REPO_ROOT } from '../support/test-server';

const TOKEN = 'hq-admin-token-0123456789'; // the test bed's
const STORE = 'lyon-part-dieu';
const REGION = 'rhone';

let bed: Awaited<ReturnType<typeof startStoresTestBed>> | undefined;
let browser: BrowserContext | undefined;
let page: Page;
let store: ServerProcess | undefined;
let storeMqttPort = 0;
let kiosk: Awaited<ReturnType<typeof enrolAndApprove>> | undefined;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-hq-console-'));
  [bed, browser] = await Promise.all([startStoresTestBed(), launchChromium()]);
  page = await browser.newPage();
  await page.addInitScript(() => localStorage.setItem('vitrine.console.lang', 'en'));
});

afterAll(async () => {
  await store?.kill('SIGKILL');
  await browser?.close();
  await bed?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a TypeScript entry point of the repository as `npm run` would, with `input` on stdin. */
function runTsx(file: string, args: string[], input = ''): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, file), ...args], {
    cwd: REPO_ROOT,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdin.end(input);
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${file} exited ${code}: ${output}`)),
    ),
  );
}

/** Runs the store's side of enrolment exactly as the console printed it, in `dataDir`. */
function runPrintedCommand(command: string, dataDir: string): Promise<string> {
  const args = command.split(' ');
  expect(args.slice(0, 4)).toEqual(['npm', 'run', 'hq-enrol', '--']);
  const flags = args.slice(4).map((arg) => (arg === './data' ? dataDir : arg));
  return runTsx('store-server/src/hq-link/enrol-cli.ts', flags);
}

const tab = (name: RegExp) => page.getByRole('tab', { name }).click();

describe('head office’s console', () => {
  it('refuses a wrong password and a wrong token, then signs in with the admin token', async () => {
    await page.goto(`${bed!.hq.url}/`);
    expect(page.url()).toBe(`${bed!.hq.url}/console/`);
    await page.getByLabel('User id').fill('nobody');
    await page.getByLabel('Password').fill('not-a-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Wrong user id or password.');
    await page.getByText('With the admin token').click();
    const token = page.getByLabel('Admin token');
    await token.fill('not-the-token-0000000000');
    await page.getByRole('button', { name: 'Sign in with the token' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('That is not head office’s token.');
    await token.fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in with the token' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    // The token lives in this tab's session, never in the address.
    expect(page.url()).not.toContain(TOKEN);
    expect(await page.evaluate(() => sessionStorage.getItem('vitrine.hq.token'))).toBe(TOKEN);
  });

  it('shows head office’s refusal of a bad store, then creates the store', async () => {
    const form = page.getByRole('region', { name: 'New store' });
    await form.getByLabel('Id', { exact: true }).fill(STORE);
    await form.getByLabel('Name', { exact: true }).fill('Lyon Part-Dieu');
    await form.getByLabel('Region (id)').fill(REGION);
    await form.getByLabel('Region (name)').fill('Rhône');
    await form.getByLabel('Time zone').fill('Mars/Olympus');
    await form.getByRole('button', { name: 'Create the store' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/^Refused: .*time zone/);

    await form.getByLabel('Time zone').fill('Europe/Paris');
    await form.getByRole('button', { name: 'Create the store' }).click();
    await page.getByText(`Store ${STORE} created.`).waitFor();
    const row = page.locator(`tr[data-store="${STORE}"]`);
    await expect.poll(() => row.textContent()).toContain('Rhône');
    // The filters ask head office: another region lists nothing.
    await page.getByLabel('Region (id)').last().fill('nowhere');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('No store matches.').waitFor();
    await page.getByLabel('Region (id)').last().fill(REGION);
    await page.getByRole('button', { name: 'Filter' }).click();
    await row.waitFor();
  });

  it('gives a one-time enrolment code whose printed command enrols the store', async () => {
    const row = page.locator(`tr[data-store="${STORE}"]`);
    await row.getByRole('button', { name: 'Enrolment code' }).click();
    const command = (await row.getByTestId('enrol-code').locator('code').textContent()) ?? '';
    expect(command).toMatch(
      new RegExp(
        `^npm run hq-enrol -- --hq ${bed!.hq.url} --code \\S{8,} --store ${STORE} --data ./data$`,
      ),
    );
    const dataDir = join(dir, 'store');
    await runPrintedCommand(command, dataDir);
    // The store's own publisher, for its console's head-office page below.
    const user = ['--data', dataDir, '--id', 'publisher', '--name', 'Lyon', '--roles', 'publisher'];
    await runTsx('store-server/src/staff/add-user.ts', user, 'vitrine-demo\n');
    storeMqttPort = await freePort();
    store = await spawnServer({
      dataDir,
      httpPort: await freePort(),
      mqttPort: storeMqttPort,
      store: { id: STORE },
      extraArgs: ['--plain', 'on', '--hq-link', join(dataDir, 'hq', 'hq-link.json')],
    });
    // The code worked once: the store now has a live key at head office.
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => row.locator('td').nth(5).textContent(), { timeout: 20_000 }).toBe('1');
  }, 150_000); // two CLIs and a store server start on a shared machine

  it('publishes a campaign to a region and lists it with its audience', async () => {
    await tab(/^Campaigns$/);
    await page.getByRole('button', { name: 'New campaign' }).click();
    const editor = page.locator('form.editor');
    await editor.getByLabel('Id', { exact: true }).fill('rhone-winter');
    await editor.getByLabel('Name', { exact: true }).fill('Winter in the Rhône');
    await editor.getByLabel('Text (fr)').fill('Soldes d’hiver');
    await editor.getByLabel('Text (en)').fill('Winter sale');
    await editor.getByLabel('Regions').fill(REGION);
    await page.getByRole('button', { name: 'Sign and publish' }).click();
    await page
      .getByText(`rhone-winter published (revision 1) to store ${STORE}.`)
      .waitFor({ timeout: 20_000 });
    const listed = page.locator('tr[data-campaign="rhone-winter"]');
    await expect.poll(() => listed.textContent()).toContain(`store ${STORE}`);
    expect(await listed.textContent()).toContain('published');

    // Bad input: a campaign with no name is refused in head office's own words.
    await page.getByRole('button', { name: 'New campaign' }).click();
    await page.getByRole('button', { name: 'Sign and publish' }).click();
    await expect.poll(() => editor.getByRole('alert').textContent()).toMatch(/^Refused: /);
    await page.getByRole('button', { name: 'Close' }).click();

    // Edited: the editor opens with what was published; publishing again is revision 2.
    await listed.getByRole('button', { name: 'Edit' }).click();
    expect(await editor.getByLabel('Id', { exact: true }).inputValue()).toBe('rhone-winter');
    expect(await editor.getByLabel('Text (en)').inputValue()).toBe('Winter sale');
    await editor.getByLabel('Text (en)').fill('Winter sale, longer');
    await page.getByRole('button', { name: 'Sign and publish' }).click();
    await page
      .getByText(`rhone-winter published (revision 2) to store ${STORE}.`)
      .waitFor({ timeout: 20_000 });
    await expect.poll(() => listed.locator('td').nth(2).textContent()).toBe('2');
  });

  it('shows the store’s kiosk in the fleet, filtered by region', async () => {
    kiosk = await enrolAndApprove(store!.url, 'kiosk');
    await tab(/^Screens and counters$/);
    await page.getByLabel('Region (id)').fill(REGION);
    const row = page.locator(`tr[data-device="${kiosk.deviceId}"]`);
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Filter' }).click();
          return row.count();
        },
        { timeout: 90_000, interval: 1_000 },
      )
      .toBe(1);
    expect(await row.textContent()).toContain(STORE);
    expect(await row.textContent()).toContain('kiosk');
    expect(await page.getByTestId('fleet-counts').textContent()).toMatch(
      /\d+ online · \d+ offline/,
    );
  }, 150_000);

  it('shows the screens’ plays and feedback in the reports, come from their store over the link', async () => {
    const signage = await enrolAndApprove(store!.url, 'signage');
    const now = Date.now();
    let seq = 0;
    const event = (kind: string, payload: object) => ({
      id: uuidV7(now + ++seq),
      seq,
      at: new Date(now + seq).toISOString(),
      kind,
      payload,
    });
    /** Sends a batch as the device's app does: over MQTT to its store, as itself. */
    const send = async (device: { deviceId: string; secret: string }, events: object[]) => {
      const link = await mqtt.connectAsync(`mqtt://127.0.0.1:${storeMqttPort}`, {
        clientId: device.deviceId,
        username: device.deviceId,
        password: device.secret,
        reconnectPeriod: 0,
      });
      const batch = JSON.stringify({ v: 1, type: 'events', events });
      await link.publishAsync(topics.events(STORE, device.deviceId), batch, { qos: 1 });
      await link.endAsync();
    };
    await send(kiosk!, [
      event('feedback', { target: 'product', productId: 'p1', value: 'like' }),
      event('feedback', { target: 'product', productId: 'p1', value: 'like' }),
      event('feedback', { target: 'help', value: 'red' }),
    ]);
    const play = (playId: string, phase: 'start' | 'end') =>
      event('proof-of-play', {
        campaignId: 'rhone-winter',
        itemId: 'ticker',
        playId,
        phase,
        ...(phase === 'end' && { durationMs: 8_000 }),
      });
    await send(signage, [
      play('a', 'start'),
      play('a', 'end'),
      play('b', 'start'),
      play('b', 'end'),
    ]);

    await tab(/^Reports$/);
    await page.getByLabel('Region (id)').fill(REGION);
    await page.getByRole('combobox', { name: 'Report' }).selectOption('feedback');
    const rows = page.getByTestId('report-feedback').locator('tbody tr');
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Filter' }).click();
          return rows.count();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(2);
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent)),
    );
    expect(cells).toEqual([
      [STORE, 'help', '—', '0', '0', '0 · 0 · 1'],
      [STORE, 'a product', 'p1', '2', '0', '0 · 0 · 0'],
    ]);
    // A region bounds the sum, so plays per day are drawn; the plays report has the rows.
    const chart = page.getByRole('img', { name: 'Plays per day' });
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Filter' }).click();
          return chart.count();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(1);
    await page.getByRole('combobox', { name: 'Report' }).selectOption('plays');
    const plays = page.getByTestId('report-plays').locator('tbody tr');
    await expect
      .poll(async () => (await plays.allTextContents()).join(' | '), { timeout: 30_000 })
      .toMatch(/lyon-part-dieu\s*rhone-winter\s*ticker\s*2\s*0\s*0\.3/);
    await page.screenshot({ path: join(dir, 'hq-reports.png'), fullPage: true });
  }, 120_000);

  it('makes a user on the users tab, who signs in with their password and out at head office too', async () => {
    await tab(/^Users$/);
    const form = page.getByRole('region', { name: 'Add or change a user' });
    await form.getByLabel('User id').fill('marie');
    await form.getByLabel('Name').fill('Marie');
    await form.getByLabel('publishes').check();
    await form.getByLabel(/^Password/).fill('short');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/password/);
    await form.getByLabel(/^Password/).fill('marie-long-password');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('User marie saved.').waitFor();
    expect(await page.locator('tr[data-user="marie"]').textContent()).toContain('publishes');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('User id').fill('marie');
    await page.getByLabel('Password').fill('marie-long-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByTestId('signed-in-as').filter({ hasText: 'Marie' }).waitFor();
    // A publisher has no users tab.
    expect(await page.getByRole('tab', { name: 'Users' }).count()).toBe(0);
    const sessionToken = await page.evaluate(() => sessionStorage.getItem('vitrine.hq.token'));
    expect(sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await tab(/Campaigns/);
    await page.getByText('rhone-winter').first().waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('User id').waitFor();
    const me = async () =>
      (
        await fetch(routeUrl(bed!.hq.url, hqRoutes.auth.me, {}), {
          headers: { authorization: `Bearer ${sessionToken}` },
        })
      ).status;
    await expect.poll(me).toBe(401);
  });

  it('leaves the chain store’s own head-office page pointing at head office', async () => {
    const storePage = await browser!.newPage();
    await signInThroughConsole(storePage, store!.url, 'publisher', 'head-office');
    const note = storePage.getByTestId('managed-by-head-office');
    await note.waitFor();
    expect(await note.getByRole('link').getAttribute('href')).toBe(`${bed!.hq.url}/console/`);
    // No authoring the store would refuse (409 managed_by_head_office).
    expect(
      await storePage.getByRole('button', { name: /Nouvelle campagne|New campaign/ }).count(),
    ).toBe(0);
    await storePage.close();
  });
});
