// Campaign workflow against a real store server: editing a published campaign
// makes a new draft while the signed revision keeps playing (and can always be
// withdrawn); a publisher cannot approve their own work unless the chain allows
// it, and every approval records who edited, who approved and the exception.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreServer } from '@vitrine/store-server/server';
import { SignedCampaign, apiRoutes } from '@vitrine/shared/core';
import { startTestServer } from '../support/test-server';
import { call, draft, publish, signIn, uploadPng } from './head-office';

let server: StoreServer;
let editor: string;
let publisher: string;

beforeAll(async () => {
  server = await startTestServer();
  editor = await signIn(server.url, 'editor');
  publisher = await signIn(server.url, 'publisher');
});
afterAll(async () => {
  await server?.close();
});

const onScreens = (id: string) => {
  const doc = server.docs.get('campaigns', id);
  return doc === undefined
    ? null
    : (JSON.parse(SignedCampaign.parse(doc).payload) as {
        revision: number;
        name?: string;
        withdrawn?: true;
      });
};
type Record = {
  status: string;
  liveRevision: number | null;
  editors: string[];
  approvals: { approvedBy: string; editors: string[]; selfApproved: boolean; revision: number }[];
};

describe('campaign revisions and separation of duties', () => {
  it('keeps the published revision playing while its edit is a draft, and can always withdraw it', async () => {
    const media = await uploadPng(server.url, editor);
    const campaign = draft('spring', media);
    await publish(server.url, editor, publisher, campaign);
    expect(onScreens('spring')).toMatchObject({ revision: 1, name: 'Campaign spring' });

    const edited = await call(server.url, editor, apiRoutes.campaigns.saveDraft, {
      params: { id: 'spring' },
      body: {
        ...campaign,
        name: 'Spring, second cut',
      },
    });
    expect(edited.body).toMatchObject({ status: 'draft', revision: 1, liveRevision: 1 });
    // The signed revision 1 is still what screens play.
    expect(onScreens('spring')).toMatchObject({ revision: 1, name: 'Campaign spring' });
    await call(server.url, editor, apiRoutes.campaigns.submit, { params: { id: 'spring' } });
    expect(onScreens('spring')).toMatchObject({ revision: 1 });

    // Withdrawn while its next revision awaits approval: off the screens (a
    // signed tombstone at revision 2), draft kept.
    const withdrawn = await call(server.url, publisher, apiRoutes.campaigns.withdraw, {
      params: { id: 'spring' },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'submitted', liveRevision: null });
    expect(onScreens('spring')).toEqual({ v: 1, id: 'spring', revision: 2, withdrawn: true });
    expect(
      (
        await call(server.url, publisher, apiRoutes.campaigns.withdraw, {
          params: { id: 'spring' },
        })
      ).status,
    ).toBe(409);

    // Approving the pending revision puts revision 3 on screens (after the tombstone).
    const approved = await call(server.url, publisher, apiRoutes.campaigns.approve, {
      params: { id: 'spring' },
    });
    expect(approved.body).toMatchObject({ status: 'published', revision: 3, liveRevision: 3 });
    expect(onScreens('spring')).toMatchObject({ revision: 3, name: 'Spring, second cut' });
  });

  it('refuses self-approval unless the chain allows it, and records who did what', async () => {
    const media = await uploadPng(server.url, editor);
    const own = draft('own-work', media);
    // "publisher" is also an editor: drafts and submits their own campaign.
    expect(
      (
        await call(server.url, publisher, apiRoutes.campaigns.saveDraft, {
          params: { id: 'own-work' },
          body: own,
        })
      ).status,
    ).toBe(200);
    await call(server.url, publisher, apiRoutes.campaigns.submit, { params: { id: 'own-work' } });
    const refused = await call(server.url, publisher, apiRoutes.campaigns.approve, {
      params: { id: 'own-work' },
    });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toMatch(/another publisher must approve/);
    expect(onScreens('own-work')).toBeNull();

    // Only an admin changes the chain's settings; bad input is a clear 400.
    const admin = server.adminToken;
    expect(
      (
        await call(server.url, publisher, apiRoutes.campaigns.saveSettings, {
          body: { allowSelfApproval: true },
        })
      ).status,
    ).toBe(403);
    const bad = await call(server.url, admin, apiRoutes.campaigns.saveSettings, {
      body: {
        allowSelfApproval: 'yes',
      },
    });
    expect(bad.status).toBe(400);
    const allowed = await call(server.url, admin, apiRoutes.campaigns.saveSettings, {
      body: {
        allowSelfApproval: true,
      },
    });
    expect(allowed.body).toEqual({ allowSelfApproval: true });

    const approved = await call(server.url, publisher, apiRoutes.campaigns.approve, {
      params: { id: 'own-work' },
    });
    expect(approved.status).toBe(200);
    const record = approved.body as Record;
    expect(record.approvals).toEqual([
      expect.objectContaining({
        revision: 1,
        editors: ['publisher'],
        approvedBy: 'publisher',
        selfApproved: true,
      }),
    ]);
    expect(onScreens('own-work')).toMatchObject({ revision: 1 });

    // Someone else's work approved: recorded without the exception.
    await call(server.url, admin, apiRoutes.campaigns.saveSettings, {
      body: { allowSelfApproval: false },
    });
    await call(server.url, editor, apiRoutes.campaigns.saveDraft, {
      params: { id: 'own-work' },
      body: { ...own, name: 'Edited by Léa' },
    });
    await call(server.url, editor, apiRoutes.campaigns.submit, { params: { id: 'own-work' } });
    const second = (
      await call(server.url, publisher, apiRoutes.campaigns.approve, { params: { id: 'own-work' } })
    ).body as Record;
    expect(second.approvals[1]).toMatchObject({
      revision: 2,
      editors: ['editor'],
      approvedBy: 'publisher',
      selfApproved: false,
    });
  });
});
