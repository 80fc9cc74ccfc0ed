import { describe, expect, it } from 'vitest';
import {
  CatalogueDelta,
  EventsBatch,
  FleetSummary,
  HqChainMessage,
  HqStoreMessage,
  NeighboursMessage,
  StockBatch,
  StoreEvent,
} from './messages';
import { Product } from '../catalogue';
import { linkReplySchema, LINK_REQUESTS } from './requests';
import { decodeLinkMessage, parseLinkMessage } from './wire';

const product = {
  id: 'p1',
  name: { fr: 'Chaise', en: 'Chair' },
  brand: 'B',
  department: 'home',
  categoryPath: [{ fr: 'Maison', en: 'Home' }],
  description: { fr: '', en: '' },
  priceCents: 4990,
  images: [],
  tags: [],
  variants: [{ id: 'p1' }],
  complementary: [],
  attributes: [],
};

const event = {
  id: '01936b2e-7c3a-7def-8abc-0123456789ab',
  seq: 3,
  at: '2026-12-06T10:00:00.000Z',
  kind: 'feedback',
  payload: { target: 'product', productId: 'p1', value: 'like' },
};

describe('HQ → store messages', () => {
  it('accepts a catalogue chunk whose documents are valid for their collection', () => {
    const chunk = {
      v: 1,
      type: 'catalogue',
      rev: 7,
      atomicUntil: 8,
      docs: [
        {
          c: 'faq',
          id: 'f1',
          body: {
            id: 'f1',
            question: { fr: 'q', en: 'q' },
            answer: { fr: 'a', en: 'a' },
            tags: [],
          },
        },
        { c: 'looks', id: 'l1', del: true },
      ],
    };
    const parsed = parseLinkMessage(HqChainMessage, chunk);
    expect(parsed).toMatchObject({ ok: true, value: { type: 'catalogue', rev: 7 } });
  });

  it('refuses a document that is not valid for its collection, or not the chain’s to send', () => {
    const bad = {
      v: 1,
      type: 'catalogue',
      rev: 7,
      docs: [{ c: 'faq', id: 'f1', body: { id: 'f1' } }],
    };
    const refused = parseLinkMessage(CatalogueDelta, bad);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/docs\.0\.body.*not a valid faq document/);
    const settings = {
      v: 1,
      type: 'catalogue',
      rev: 7,
      docs: [{ c: 'settings', id: 'A', body: {} }],
    };
    expect(parseLinkMessage(CatalogueDelta, settings).ok).toBe(false);
    const both = {
      v: 1,
      type: 'catalogue',
      rev: 7,
      docs: [{ c: 'looks', id: 'l', del: true, body: {} }],
    };
    expect(parseLinkMessage(CatalogueDelta, both).ok).toBe(false);
  });

  it('refuses a chunk whose atomicUntil is before itself', () => {
    const chunk = {
      v: 1,
      type: 'prices',
      rev: 7,
      atomicUntil: 6,
      prices: [{ productId: 'p1', variantId: 'p1', priceCents: 100 }],
    };
    const refused = parseLinkMessage(HqStoreMessage, chunk);
    expect(!refused.ok && refused.error).toMatch(/atomicUntil/);
  });

  it('holds at most ten neighbours, each a valid store id', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `n${i}`);
    expect(
      NeighboursMessage.safeParse({ v: 1, type: 'neighbours', rev: 1, neighbours: ten }).success,
    ).toBe(true);
    expect(
      NeighboursMessage.safeParse({ v: 1, type: 'neighbours', rev: 1, neighbours: [...ten, 'x'] })
        .success,
    ).toBe(false);
    expect(
      NeighboursMessage.safeParse({ v: 1, type: 'neighbours', rev: 1, neighbours: ['a.b'] })
        .success,
    ).toBe(false);
  });

  it('parses a store snapshot chunk with its chain reference', () => {
    expect(Product.safeParse(product).success).toBe(true);
    const chunk = {
      v: 1,
      type: 'snapshot',
      rev: 12,
      atomicUntil: 13,
      chain: {
        rev: 40,
        object: {
          bucket: 'snapshots',
          name: 'chain-40.ndjson.gz',
          size: 10,
          sha256: 'a'.repeat(64),
        },
      },
      docs: [{ c: 'products', id: 'p1', body: product }],
      stock: [{ productId: 'p1', variantId: 'p1', units: 3 }],
      neighbours: ['B'],
    };
    expect(parseLinkMessage(HqStoreMessage, chunk)).toMatchObject({
      ok: true,
      value: { type: 'snapshot' },
    });
  });
});

describe('store → HQ messages', () => {
  it('carries events the batch only shapes, each parsed on its own at HQ', () => {
    const batch = {
      v: 1,
      type: 'events',
      firstSeq: 10,
      lastSeq: 11,
      events: [
        { deviceId: 'k1', event },
        { deviceId: 'k1', event: { ...event, kind: 'nope' } },
      ],
    };
    const parsed = parseLinkMessage(EventsBatch, batch);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const each = parsed.value.events.map((item) => StoreEvent.safeParse(item).success);
    expect(each).toEqual([true, false]);
    expect(EventsBatch.safeParse({ ...batch, firstSeq: 12 }).success).toBe(false);
    expect(EventsBatch.safeParse({ ...batch, events: [] }).success).toBe(false);
  });

  it('parses stock batches and fleet summaries', () => {
    const stock = {
      v: 1,
      type: 'stock',
      storeSeq: 4,
      confirmedAt: '2026-12-06T10:00:00Z',
      lines: [{ productId: 'p1', variantId: 'p1', units: 0, aisle: 'A3' }],
    };
    expect(StockBatch.safeParse(stock).success).toBe(true);
    expect(
      StockBatch.safeParse({ ...stock, lines: [{ productId: 'p1', variantId: 'p1', units: -1 }] })
        .success,
    ).toBe(false);
    const fleet = {
      v: 1,
      type: 'fleet',
      at: '2026-12-06T10:00:00Z',
      devices: [
        {
          deviceId: 'k1',
          app: 'kiosk',
          version: '1.2.0',
          status: 'online',
          lastContact: '2026-12-06T09:59:00Z',
        },
      ],
    };
    expect(FleetSummary.safeParse(fleet).success).toBe(true);
    expect(
      FleetSummary.safeParse({ ...fleet, devices: [{ ...fleet.devices[0], app: 'toaster' }] })
        .success,
    ).toBe(false);
  });
});

describe('requests', () => {
  it('pairs each request with its reply, or HQ’s error', () => {
    const hello = { v: 1, type: 'hello', checkpoints: { chain: 3, store: 0 }, version: '0.1.0' };
    expect(parseLinkMessage(LINK_REQUESTS.hello.request, hello).ok).toBe(true);
    const reply = {
      v: 1,
      type: 'hello',
      decisions: { chain: 'catch-up', store: 'snapshot' },
      heads: { chain: 9, store: 4 },
      neighbours: ['B'],
    };
    expect(parseLinkMessage(linkReplySchema('hello'), reply).ok).toBe(true);
    const error = { v: 1, type: 'error', error: 'store revoked' };
    expect(parseLinkMessage(linkReplySchema('hello'), error)).toEqual({ ok: true, value: error });
  });

  it('checks a rotation names a public user nkey', () => {
    const key = `U${'A'.repeat(55)}`;
    const add = { v: 1, type: 'rotate', step: 'add', newPublicKey: key };
    expect(LINK_REQUESTS.rotate.request.safeParse(add).success).toBe(true);
    expect(
      LINK_REQUESTS.rotate.request.safeParse({ ...add, newPublicKey: `S${'A'.repeat(55)}` })
        .success,
    ).toBe(false);
    expect(
      LINK_REQUESTS.rotate.request.safeParse({
        v: 1,
        type: 'rotate',
        step: 'confirm',
        publicKey: key,
      }).success,
    ).toBe(true);
  });
});

describe('versions', () => {
  it('refuses another link version plainly, before looking at the fields', () => {
    const refused = parseLinkMessage(HqChainMessage, { v: 2, type: 'whatever' });
    expect(refused).toEqual({
      ok: false,
      error: 'link version 2 refused: this side speaks link version 1; upgrade the older side',
    });
    expect(parseLinkMessage(HqChainMessage, { type: 'catalogue' })).toMatchObject({
      ok: false,
      error: /link version null refused/,
    });
    expect(parseLinkMessage(HqChainMessage, [1])).toMatchObject({
      ok: false,
      error: /JSON object/,
    });
  });

  it('decodes bytes, refusing what is not UTF-8 JSON', () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({ v: 1, type: 'neighbours', rev: 2, neighbours: [] }),
    );
    expect(decodeLinkMessage(HqStoreMessage, bytes)).toMatchObject({ ok: true });
    expect(decodeLinkMessage(HqStoreMessage, new Uint8Array([0xff, 0x7b]))).toMatchObject({
      ok: false,
      error: /not UTF-8 JSON/,
    });
  });
});
