import { describe, expect, it } from 'vitest';
import { DeviceEvent } from './events';
import { parseJson, parseUnknown } from './parse';
import { DeviceStatus, EventBatch, SyncMessage } from './protocol';

const event = {
  id: '01a20766-38fe-74c1-bd61-814391b302f0',
  seq: 1,
  at: '2026-11-23T08:00:00.000Z',
  kind: 'feedback',
  payload: { target: 'product', productId: 'p1', value: 'like' },
};

describe('wire schemas', () => {
  it('refuses another protocol version with a message naming the expected one', () => {
    const result = parseUnknown(SyncMessage, { v: 2, type: 'poke', rev: 1 });
    expect(result).toMatchObject({ ok: false, error: /protocol version must be 1/ });
  });

  it('skips a document of a collection this build does not know, and keeps the rest', () => {
    const message = {
      ...{ v: 1, type: 'changes', fromRev: 4, toRev: 7 },
      docs: [
        { c: 'products', id: 'p1', rev: 5, body: { name: 'Lamp' } },
        { c: 'footfall-zones', id: 'z1', rev: 6, body: {} },
        { c: 'stock', id: 'p1', rev: 7, del: true },
      ],
    };
    const parsed = parseUnknown(SyncMessage, message);
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        fromRev: 4,
        toRev: 7,
        docs: [
          { c: 'products', rev: 5 },
          { c: 'stock', rev: 7 },
        ],
      },
    });
    // A known collection with a broken document is still refused.
    const broken = { ...message, docs: [{ c: 'products', id: '', rev: 5 }] };
    expect(parseUnknown(SyncMessage, broken)).toMatchObject({ ok: false, error: /id/ });
  });

  it('explains invalid JSON and wrong shapes instead of throwing', () => {
    expect(parseJson(EventBatch, '{nope')).toMatchObject({ ok: false, error: /invalid JSON/ });
    expect(parseJson(EventBatch, '{"v":1,"type":"events","events":[]}')).toMatchObject({
      ok: false,
      error: /events/,
    });
  });

  it('accepts a valid event and refuses one whose payload does not fit its kind', () => {
    expect(parseUnknown(DeviceEvent, event).ok).toBe(true);
    const wrongPayload = { ...event, payload: { action: 'scan' } };
    expect(parseUnknown(DeviceEvent, wrongPayload)).toMatchObject({ ok: false, error: /payload/ });
    expect(parseUnknown(DeviceEvent, { ...event, id: 'not-a-uuid' })).toMatchObject({
      ok: false,
      error: /UUIDv7/,
    });
    expect(parseUnknown(DeviceEvent, { ...event, seq: 0 })).toMatchObject({
      ok: false,
      error: /seq/,
    });
  });

  it('caps batches at 200 events', () => {
    const batch = (n: number) => ({
      v: 1,
      type: 'events',
      events: Array.from({ length: n }, () => event),
    });
    expect(parseUnknown(EventBatch, batch(200)).ok).toBe(true);
    expect(parseUnknown(EventBatch, batch(201)).ok).toBe(false);
  });

  it('tells a birth from a death', () => {
    const birth = {
      v: 1,
      type: 'birth',
      session: 3,
      app: 'kiosk',
      version: '1',
      showing: 'home',
      at: event.at,
    };
    expect(parseUnknown(DeviceStatus, birth)).toMatchObject({ ok: true, value: { type: 'birth' } });
    expect(parseUnknown(DeviceStatus, { v: 1, type: 'death', session: 3 })).toMatchObject({
      ok: true,
    });
    expect(parseUnknown(DeviceStatus, { v: 1, type: 'death' }).ok).toBe(false);
  });
});
