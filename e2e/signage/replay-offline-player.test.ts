// A signage player that was offline when head office withdrew a campaign, in
// a real Chromium: it learns the signed tombstone when it syncs again, and then
// never plays the old revision, whether the old envelope reaches it live (MQTT)
// or in a full resync from a store server restored from an older backup.
import { cpSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { StoreServer } from '@vitrine/store-server/server';
import { SignedCampaign, apiRoutes } from '@vitrine/shared/core';
import { launchChromium } from '../support/chromium';
import { freshDataDir, startTestServer } from '../support/test-server';
import { call, draft, publish, signIn, uploadPng } from './head-office';

let server: StoreServer;
let browser: BrowserContext;
let page: Page;
const dataDir = freshDataDir('replay-player');

beforeAll(async () => {
  server = await startTestServer({ dataDir });
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

const player = (attribute: string) => page.getByTestId('player').getAttribute(attribute);
/** The replays the player reported to this store server. */
const replaysReported = () =>
  server.db
    .prepare(`SELECT detail FROM faults WHERE kind = 'campaign-replay'`)
    .pluck()
    .all() as string[];
/** The screen stays on its default content for a while (sampled, not slept through). */
async function staysOffScreen() {
  for (let i = 0; i < 10; i++) {
    expect(await player('data-mode')).toBe('default');
    await page.waitForTimeout(100);
  }
}

describe('a player offline during a withdrawal', () => {
  it('learns the tombstone when it syncs and never plays the older revision again', async () => {
    await page.goto(`${server.url}/signage/`);
    await expect.poll(() => player('data-mode'), { timeout: 30_000 }).toBe('default');
    const editor = await signIn(server.url, 'editor');
    const publisher = await signIn(server.url, 'publisher');
    await publish(
      server.url,
      editor,
      publisher,
      draft('comeback', await uploadPng(server.url, editor)),
    );
    await expect.poll(() => player('data-campaign'), { timeout: 15_000 }).toBe('comeback');
    const captured = SignedCampaign.parse(server.docs.get('campaigns', 'comeback'));

    // The player loses its store server; the store keeps a backup from this moment.
    const port = server.httpPort;
    await server.close();
    const backupDir = freshDataDir('replay-player-backup');
    cpSync(dataDir, backupDir, { recursive: true });

    // Head office withdraws while the player cannot hear it (another port).
    const elsewhere = await startTestServer({ dataDir });
    const withdrawn = await call(
      elsewhere.url,
      await signIn(elsewhere.url, 'publisher'),
      apiRoutes.campaigns.withdraw,
      { params: { id: 'comeback' } },
    );
    expect(withdrawn.status).toBe(200);
    await elsewhere.close();
    expect(await player('data-campaign')).toBe('comeback'); // offline: it still plays what it had

    // Back online: the tombstone syncs and the campaign leaves the screen.
    server = await startTestServer({ dataDir, httpPort: port });
    await expect.poll(() => player('data-mode'), { timeout: 20_000 }).toBe('default');

    // The old envelope reaches it live, past the store's check (a broken or rogue store).
    server.docs.write([{ c: 'campaigns', id: 'comeback', body: captured }]);
    await expect
      .poll(replaysReported, { timeout: 15_000 })
      .toEqual([
        'campaign comeback refused: revision 1 is not newer than revision 2 already accepted',
      ]);
    await staysOffScreen();

    // The store is restored from the backup taken before the withdrawal: the
    // player starts over from a full sync, which hands it the old envelope again.
    await server.close();
    server = await startTestServer({ dataDir: backupDir, httpPort: port });
    await page.reload();
    await expect.poll(replaysReported, { timeout: 30_000 }).toHaveLength(1);
    await staysOffScreen();
  }, 120_000);
});
