import { describe, expect, it } from 'vitest';
import { parseUnknown } from '../parse';
import { testCampaign } from '../schedule/test-campaign';
import { Campaign, campaignMedia } from './campaign';
import { compareRevision, isWithdrawal, type SignedContent } from './campaign-revision';
import { canonicalJson, toBase64Url } from './canonical';
import {
  STORE_EMERGENCY_ID,
  verifySignedCampaign,
  type SignedCampaign,
  type TrustAnchor,
} from './signed-campaign';

async function headOffice(keyId = 'ho-test') {
  const keys = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey));
  const anchor: TrustAnchor = { keyId, publicKey: toBase64Url(raw) };
  const sign = async (campaign: SignedContent): Promise<SignedCampaign> => {
    const payload = canonicalJson(campaign);
    const signature = new Uint8Array(
      await crypto.subtle.sign(
        { name: 'Ed25519' },
        keys.privateKey,
        new TextEncoder().encode(payload),
      ),
    );
    return { id: campaign.id, payload, signature: toBase64Url(signature), keyId: anchor.keyId };
  };
  return { anchor, sign };
}

describe('campaign content', () => {
  it('refuses a layout referring to nothing and an impossible schedule, saying why', () => {
    const broken = testCampaign({
      layout: {
        id: 'l',
        zones: [{ id: 'z', x: 0, y: 0, width: 100, height: 100, playlistId: 'nope' }],
      },
      schedule: { startDate: '2026-12-10', endDate: '2026-12-01', weekdays: [1], dayParts: [] },
    });
    const result = parseUnknown(Campaign, broken);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/refers to a playlist that does not exist: nope/);
    expect(!result.ok && result.error).toMatch(/ends .* before it starts/);
  });

  it('lists each media file once', () => {
    const media = { sha256: 'a'.repeat(64), type: 'image/png' as const, size: 10 };
    const campaign = testCampaign({
      playlists: [
        {
          id: 'p1',
          items: [
            { id: 'x', kind: 'image', durationMs: 5_000, media },
            { id: 'y', kind: 'image', durationMs: 5_000, media },
          ],
        },
      ],
    });
    expect(campaignMedia(campaign)).toEqual([media]);
  });

  it('canonical JSON sorts keys and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }] })).toBe('{"a":[{"c":"x"}],"b":1}');
  });
});

describe('Ed25519 signatures over the canonical form', () => {
  it('accepts a signed campaign and refuses tampered, unsigned or foreign ones', async () => {
    const { anchor, sign } = await headOffice();
    const signed = await sign(testCampaign());
    const good = await verifySignedCampaign(signed, anchor);
    expect(good.ok && good.value.id).toBe('spring-sale');

    const tampered = {
      ...signed,
      payload: signed.payload.replace('"priority":10', '"priority":99'),
    };
    expect(await verifySignedCampaign(tampered, anchor)).toEqual({
      ok: false,
      error: 'bad signature: the campaign was altered or forged',
    });
    const unsigned = { id: signed.id, payload: signed.payload, keyId: signed.keyId };
    expect((await verifySignedCampaign(unsigned, anchor)).ok).toBe(false);
    const other = await headOffice();
    const forged = await other.sign(testCampaign());
    expect(
      (await verifySignedCampaign(forged, { ...other.anchor, publicKey: anchor.publicKey })).ok,
    ).toBe(false);
    expect((await verifySignedCampaign({ ...forged, keyId: 'unknown' }, anchor)).ok).toBe(false);
  });

  it('refuses well-signed content that is not a valid campaign', async () => {
    const { anchor, sign } = await headOffice();
    const invalid = testCampaign({ priority: 1_000 });
    const result = await verifySignedCampaign(await sign(invalid), anchor);
    expect(!result.ok && result.error).toMatch(/^signed but invalid: priority/);
  });
});

describe('signed revisions (replays)', () => {
  it('verifies a signed withdrawal as a tombstone, and refuses one with extra content', async () => {
    const { anchor, sign } = await headOffice();
    const tombstone = await sign({ v: 1, id: 'spring-sale', revision: 3, withdrawn: true });
    const verified = await verifySignedCampaign(tombstone, anchor);
    expect(verified.ok && isWithdrawal(verified.value) && verified.value.revision).toBe(3);
    const padded = await sign({ ...testCampaign(), withdrawn: true } as unknown as SignedContent);
    expect((await verifySignedCampaign(padded, anchor)).ok).toBe(false);
    const campaign = await verifySignedCampaign(await sign(testCampaign()), anchor);
    expect(campaign.ok && isWithdrawal(campaign.value)).toBe(false);
  });

  it('takes only a newer revision, or the very envelope already held', () => {
    const held = { revision: 2, signature: 'sig-2' };
    expect(compareRevision(undefined, { revision: 1, signature: 'a' })).toBe('newer');
    expect(compareRevision(held, { revision: 3, signature: 'sig-3' })).toBe('newer');
    expect(compareRevision(held, { revision: 2, signature: 'sig-2' })).toBe('same');
    expect(compareRevision(held, { revision: 2, signature: 'other' })).toBe('stale');
    expect(compareRevision(held, { revision: 1, signature: 'sig-1' })).toBe('stale');
  });
});

describe("a chain store's own key (its emergency message only)", () => {
  it('verifies the store emergency message and its withdrawal, and nothing else', async () => {
    const hq = await headOffice('ho-chain');
    const store = await headOffice('store-lyon');
    const emergency = testCampaign({ id: STORE_EMERGENCY_ID, emergency: true });
    const signed = await store.sign(emergency);
    const verified = await verifySignedCampaign(signed, hq.anchor, store.anchor);
    expect(verified.ok && verified.value.id).toBe(STORE_EMERGENCY_ID);
    const cleared = await store.sign({
      v: 1,
      id: STORE_EMERGENCY_ID,
      revision: 2,
      withdrawn: true,
    });
    expect((await verifySignedCampaign(cleared, hq.anchor, store.anchor)).ok).toBe(true);
    // Without the store's key pinned, the same envelope is from an unknown key.
    const unpinned = await verifySignedCampaign(signed, hq.anchor);
    expect(!unpinned.ok && unpinned.error).toMatch(/unknown key store-lyon/);
    // The store's key cannot put an ordinary campaign on screen, nor use the id for one.
    for (const content of [
      testCampaign({ id: 'spring-sale', emergency: true }),
      testCampaign({ id: STORE_EMERGENCY_ID, emergency: false }),
      { v: 1 as const, id: 'spring-sale', revision: 4, withdrawn: true as const },
    ]) {
      const refused = await verifySignedCampaign(
        await store.sign(content),
        hq.anchor,
        store.anchor,
      );
      expect(!refused.ok && refused.error).toMatch(/signs only its emergency message/);
    }
    // Head office's key still signs anything, the store emergency id included.
    expect((await verifySignedCampaign(await hq.sign(emergency), hq.anchor, store.anchor)).ok).toBe(
      true,
    );
  });
});
