// Signed campaign replay at the store (issue 12, finding 2): a signature proves
// who, not when. Each envelope carries head office's revision for its campaign;
// a withdrawal is a signed, newer revision (a tombstone). The store refuses any
// envelope that is not newer than the one it holds with 409, so a captured older
// envelope neither rolls a campaign back nor brings a withdrawn one (or a
// cleared emergency) back on screen; stores upgraded with withdrawn campaigns
// get their tombstones at start.
import { cpSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { StoreServer } from '@vitrine/store-server/server';
import {
  Campaign,
  SignedCampaign,
  isWithdrawal,
  verifySignedCampaign,
  type TrustAnchor,
  apiRoutes,
  callRoute,
} from '@vitrine/shared/core';
import { loadHeadOfficeKey } from '@vitrine/shared/node';
import { freshDataDir, startTestServer } from '../support/test-server';
import { call, draft, publish, signIn, uploadPng } from './head-office';

let server: StoreServer;
let editor: string;
let publisher: string;
let manager: string;
let anchor: TrustAnchor;
const dataDir = freshDataDir('campaign-replay');

beforeAll(async () => {
  server = await startTestServer({ dataDir });
  editor = await signIn(server.url, 'editor');
  publisher = await signIn(server.url, 'publisher');
  manager = await signIn(server.url, 'manager');
  anchor = await callRoute({ baseUrl: server.url }, apiRoutes.campaigns.trustAnchor, {});
});
afterAll(async () => {
  await server?.close();
});

/** The envelope the store syncs to its players for a campaign, as an attacker would capture it. */
const captured = (id: string) => SignedCampaign.parse(server.docs.get('campaigns', id));
/** What players would play for a campaign: its verified content, withdrawal or campaign. */
async function onScreens(id: string) {
  const verified = await verifySignedCampaign(server.docs.get('campaigns', id), anchor);
  if (!verified.ok) throw new Error(verified.error);
  return verified.value;
}
const replay = (envelope: SignedCampaign) =>
  call(server.url, publisher, apiRoutes.campaigns.acceptSigned, { body: envelope });
const refusal = (body: unknown) => (body as { error: { code: string; message: string } }).error;

describe('signed campaign replay at the store', () => {
  it('refuses an older envelope of a live campaign with 409, and keeps the newer one', async () => {
    const campaign = draft('autumn', await uploadPng(server.url, editor));
    await publish(server.url, editor, publisher, campaign);
    const first = captured('autumn');
    await publish(server.url, editor, publisher, { ...campaign, name: 'Autumn, second cut' });
    const second = captured('autumn');
    expect(await onScreens('autumn')).toMatchObject({ revision: 2, name: 'Autumn, second cut' });

    const rolledBack = await replay(first);
    expect(rolledBack.status).toBe(409);
    expect(refusal(rolledBack.body)).toEqual({
      code: 'campaign_revision_not_newer',
      message:
        'campaign autumn revision 1 is not newer than revision 2 held by this store: refused as a replay',
    });
    // The very envelope the store holds is not accepted twice either.
    const again = await replay(second);
    expect(again.status).toBe(409);
    expect(refusal(again.body).message).toMatch(/already holds this very envelope/);
    expect(captured('autumn')).toEqual(second);
    const list = await call(server.url, publisher, apiRoutes.campaigns.list);
    const reasons = (list.body as { refusals: { reason: string }[] }).refusals.map((r) => r.reason);
    expect(reasons).toContain(refusal(rolledBack.body).message);
  });

  it('takes a newer envelope from head office through the bridge, a withdrawal included', async () => {
    const headOffice = loadHeadOfficeKey(dataDir);
    const media = await uploadPng(server.url, editor);
    // Signed as head office signs: the parsed campaign (defaults filled in).
    const signed = headOffice.sign(
      Campaign.parse({ ...draft('bridged', media), v: 1, revision: 1 }),
    );
    expect(await replay(signed)).toEqual({
      status: 201,
      body: { id: 'bridged', revision: 1, withdrawn: false },
    });
    const tombstone = headOffice.sign({ v: 1, id: 'bridged', revision: 2, withdrawn: true });
    expect((await replay(tombstone)).body).toEqual({ id: 'bridged', revision: 2, withdrawn: true });
    expect((await replay(signed)).status).toBe(409);
    expect(isWithdrawal(await onScreens('bridged'))).toBe(true);
  });

  it('withdraws with a signed tombstone that no older revision can undo', async () => {
    const older = [captured('autumn')];
    const withdrawn = await call(server.url, publisher, apiRoutes.campaigns.withdraw, {
      params: { id: 'autumn' },
    });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', revision: 3, liveRevision: null });
    const tombstone = await onScreens('autumn');
    expect(tombstone).toEqual({ v: 1, id: 'autumn', revision: 3, withdrawn: true });

    // Every older envelope an attacker captured: 409, and still nothing on screen.
    for (const envelope of older) {
      const answer = await replay(envelope);
      expect(answer.status).toBe(409);
      expect(refusal(answer.body).message).toMatch(/not newer than revision 3 \(a withdrawal\)/);
      expect(isWithdrawal(await onScreens('autumn'))).toBe(true);
    }
    const record = await call(server.url, publisher, apiRoutes.campaigns.list);
    expect(
      (record.body as { campaigns: { id: string; liveRevision: number | null }[] }).campaigns.find(
        (c) => c.id === 'autumn',
      ),
    ).toMatchObject({ liveRevision: null });

    // Publishing again takes the next revision after the tombstone.
    await publish(
      server.url,
      editor,
      publisher,
      draft('autumn', await uploadPng(server.url, editor)),
    );
    expect(await onScreens('autumn')).toMatchObject({ revision: 4, name: 'Campaign autumn' });
    expect((await replay(older[0]!)).status).toBe(409);
  });

  it('does the same for emergency messages: a cleared one never comes back', async () => {
    const text = { fr: 'Évacuation : suivez le personnel', en: 'Evacuation: follow the staff' };
    expect(
      (
        await call(server.url, manager, apiRoutes.campaigns.pushEmergency, {
          params: { origin: 'store' },
          body: { text },
        })
      ).status,
    ).toBe(200);
    const emergency = captured('emergency-store');
    expect(
      (
        await call(server.url, manager, apiRoutes.campaigns.clearEmergency, {
          params: { origin: 'store' },
        })
      ).status,
    ).toBe(200);
    expect(await onScreens('emergency-store')).toMatchObject({ revision: 2, withdrawn: true });

    const answer = await replay(emergency);
    expect(answer.status).toBe(409);
    expect(refusal(answer.body).code).toBe('campaign_revision_not_newer');
    const live = await call(server.url, manager, apiRoutes.campaigns.emergencies);
    expect(live.body).toEqual({ emergencies: [] });

    // A new emergency is a newer revision still.
    expect(
      (
        await call(server.url, manager, apiRoutes.campaigns.pushEmergency, {
          params: { origin: 'store' },
          body: { text },
        })
      ).status,
    ).toBe(200);
    expect(await onScreens('emergency-store')).toMatchObject({ revision: 3, emergency: true });
  });

  it('migrates a store whose campaigns were withdrawn by deletion: holds, then tombstones them', async () => {
    await publish(
      server.url,
      editor,
      publisher,
      draft('legacy', await uploadPng(server.url, editor)),
    );
    const legacy = captured('legacy');
    const live = captured('autumn');
    await server.close();
    // The database as the previous version left it: the withdrawal deleted the
    // synced row, and no revision was held.
    const oldDir = freshDataDir('campaign-replay-legacy');
    cpSync(dataDir, oldDir, { recursive: true });
    const db = new Database(join(oldDir, 'store.sqlite'));
    db.exec(`
      UPDATE sync_docs SET deleted = 1, body = NULL, rev = (SELECT MAX(rev) + 1 FROM sync_docs)
        WHERE collection = 'campaigns' AND id = 'legacy';
      UPDATE campaigns SET live_revision = NULL, status = 'withdrawn' WHERE id = 'legacy';
      DROP TABLE campaign_held_revisions;
      ALTER TABLE campaign_refusals DROP COLUMN revision;
      ALTER TABLE campaign_refusals DROP COLUMN held_revision;
      DELETE FROM schema_migrations WHERE id = '404-campaign-held-revisions';
    `);
    db.close();

    server = await startTestServer({ dataDir: oldDir });
    publisher = await signIn(server.url, 'publisher');
    expect(await onScreens('legacy')).toEqual({ v: 1, id: 'legacy', revision: 2, withdrawn: true });
    expect((await replay(legacy)).status).toBe(409);
    // A campaign still live kept its signed revision as the one held.
    expect(await onScreens('autumn')).toMatchObject({ revision: 4 });
    expect(refusal((await replay(live)).body).message).toMatch(/already holds this very envelope/);
  });
});
