// The head-office API against a real store server: roles, validation with
// clear messages, signing on approval, refusal of tampered content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreServer } from '@vitrine/store-server/server';
import { SignedCampaign, apiRoutes } from '@vitrine/shared/core';
import { fetchRoute } from '../support/route-fetch';
import { startTestServer } from '../support/test-server';
import { call, draft, signIn, uploadPng, TINY_PNG } from './head-office';

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

describe('head-office campaigns API', () => {
  it('validates uploads by content, not by the declared type', async () => {
    const fake = await fetchRoute(server.url, apiRoutes.campaigns.uploadMedia, {
      query: { name: 'x.png' },
      token: editor,
      headers: { 'content-type': 'image/png' },
      body: Buffer.from('<html>not a picture</html>'),
    });
    expect(fake.status).toBe(415);
    const media = await uploadPng(server.url, editor);
    expect(media).toMatchObject({ type: 'image/png', size: TINY_PNG.length });
    const served = await fetchRoute(server.url, apiRoutes.campaigns.media, {
      params: { sha256: media.sha256 },
    });
    expect(Buffer.from(await served.arrayBuffer()).equals(TINY_PNG)).toBe(true);
  });

  it('refuses invalid campaigns with a clear message', async () => {
    const media = await uploadPng(server.url, editor);
    const broken = draft('broken', media);
    broken.layout.zones[0]!.playlistId = 'missing';
    broken.schedule = {
      startDate: '2026-12-10',
      endDate: '2026-12-01',
      weekdays: [1],
      dayParts: [],
    };
    const refused = await call(server.url, editor, apiRoutes.campaigns.saveDraft, {
      params: { id: 'broken' },
      body: broken,
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(
      /refers to a playlist that does not exist: missing/,
    );
    expect(JSON.stringify(refused.body)).toMatch(/ends \(2026-12-01\) before it starts/);
    const ghost = draft('ghost', { ...media, sha256: 'f'.repeat(64) });
    const noMedia = await call(server.url, editor, apiRoutes.campaigns.saveDraft, {
      params: { id: 'ghost' },
      body: ghost,
    });
    expect(JSON.stringify(noMedia.body)).toMatch(/was never uploaded/);
  });

  it('lets an editor draft and a publisher approve, which signs and syncs it', async () => {
    const media = await uploadPng(server.url, editor);
    const campaign = draft('winter', media);
    expect(
      (
        await call(server.url, editor, apiRoutes.campaigns.saveDraft, {
          params: { id: 'winter' },
          body: campaign,
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(server.url, editor, apiRoutes.campaigns.submit, { params: { id: 'winter' } }))
        .status,
    ).toBe(200);
    expect(
      (await call(server.url, editor, apiRoutes.campaigns.approve, { params: { id: 'winter' } }))
        .status,
    ).toBe(403);
    const approved = await call(server.url, publisher, apiRoutes.campaigns.approve, {
      params: { id: 'winter' },
    });
    expect(approved.body).toMatchObject({
      status: 'published',
      revision: 1,
      approvedBy: 'publisher',
    });
    const envelope = SignedCampaign.parse(server.docs.get('campaigns', 'winter'));
    expect(JSON.parse(envelope.payload)).toMatchObject({ id: 'winter', revision: 1 });
  });

  it('refuses a tampered or unsigned campaign at the store and records why', async () => {
    const envelope = SignedCampaign.parse(server.docs.get('campaigns', 'winter'));
    const tampered = {
      ...envelope,
      payload: envelope.payload.replace('"priority":10', '"priority":99'),
    };
    const refused = await call(server.url, publisher, apiRoutes.campaigns.acceptSigned, {
      body: tampered,
    });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toMatch(/bad signature/);
    const unsigned = await call(server.url, publisher, apiRoutes.campaigns.acceptSigned, {
      body: {
        id: 'winter',
        payload: envelope.payload,
      },
    });
    expect(unsigned.status).toBe(422);
    const list = await call(server.url, publisher, apiRoutes.campaigns.list);
    expect((list.body as { refusals: unknown[] }).refusals).toHaveLength(2);
    // The synced copy is still the genuine one.
    expect(SignedCampaign.parse(server.docs.get('campaigns', 'winter')).payload).toBe(
      envelope.payload,
    );
  });
});
