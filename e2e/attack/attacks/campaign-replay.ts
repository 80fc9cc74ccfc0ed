// Finding 2: signed campaign replay. A rogue signage device on the store LAN
// records every signed envelope the store syncs while head office publishes,
// edits and withdraws campaigns and clears an emergency; then each captured
// envelope is re-posted to the store (with a publisher's session, the bridge's
// own door). Target: zero replays accepted, and no campaign rolled back.
import {
  SignedCampaign,
  callRoute,
  deviceBearer,
  type DeviceCredential,
  apiRoutes,
} from '@vitrine/shared/core';
import type { Attack } from '../attack';
import { enrolAndApprove } from '../../support/server-process';
import { call, draft, publish, signIn, uploadPng } from '../../signage/head-office';

/** Everything the store synced since `since`, as a device sees it: campaign envelopes and the new checkpoint. */
async function sniff(url: string, credential: DeviceCredential, since: number) {
  const page = await callRoute(
    { baseUrl: url, authorization: () => deviceBearer(credential) },
    apiRoutes.sync.pull,
    { query: { since, limit: 10_000 } },
  );
  const envelopes = page.docs.flatMap((doc) => {
    const envelope = doc.c === 'campaigns' ? SignedCampaign.safeParse(doc.body) : undefined;
    return envelope?.success ? [envelope.data] : [];
  });
  return { envelopes, until: page.until };
}

export const attacks: Attack[] = [
  {
    finding: '2 replay',
    name: 'campaign replay: re-post captured older signed envelopes',
    run: async ({ server, smoke }) => {
      const { url } = server;
      const campaignCount = smoke ? 2 : 6;
      const editor = await signIn(url, 'editor');
      const publisher = await signIn(url, 'publisher');
      const manager = await signIn(url, 'manager');
      const device = await enrolAndApprove(url, 'signage');
      const media = await uploadPng(url, editor);
      let checkpoint = (await sniff(url, device, 0)).until;
      const captured: SignedCampaign[] = [];
      const capture = async () => {
        const seen = await sniff(url, device, checkpoint);
        captured.push(...seen.envelopes);
        checkpoint = seen.until;
      };

      // Head office at work: publish, edit, then withdraw half of them.
      const ids = Array.from({ length: campaignCount }, (_, index) => `replayed-${index + 1}`);
      for (const [index, id] of ids.entries()) {
        const campaign = draft(id, media);
        await publish(url, editor, publisher, campaign);
        await capture();
        await publish(url, editor, publisher, { ...campaign, name: `${id}, second cut` });
        await capture();
        if (index % 2 === 0) {
          await call(url, publisher, apiRoutes.campaigns.withdraw, { params: { id: id } });
          await capture();
        }
      }
      const text = { fr: 'Magasin fermé : incident', en: 'Store closed: incident' };
      await call(url, manager, apiRoutes.campaigns.pushEmergency, {
        params: { origin: 'store' },
        body: { text },
      });
      await capture();
      await call(url, manager, apiRoutes.campaigns.clearEmergency, { params: { origin: 'store' } });
      await capture();
      const before = await sniff(url, device, 0);

      // The replays: every envelope captured, in the order it was seen.
      let accepted = 0;
      for (const envelope of captured) {
        const answer = await call(url, publisher, apiRoutes.campaigns.acceptSigned, {
          body: envelope,
        });
        if (answer.status < 300) accepted++;
      }
      // A campaign rolled back (or brought back) is one whose synced envelope changed.
      const after = await sniff(url, device, 0);
      const current = new Map(before.envelopes.map((envelope) => [envelope.id, envelope.payload]));
      const rolledBack = after.envelopes.filter(
        (envelope) => current.get(envelope.id) !== envelope.payload,
      ).length;
      return {
        result: `${accepted} of ${captured.length} replays accepted (${campaignCount} campaigns, 1 emergency); ${rolledBack} rolled back`,
        pass: accepted === 0 && rolledBack === 0 && captured.length > campaignCount * 2,
        dataLost: rolledBack,
      };
    },
  },
];
