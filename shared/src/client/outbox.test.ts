import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EventBatch } from '../core';
import { DeviceDb } from './device-db';
import { Outbox } from './outbox';

const open = async () => {
  const db = new DeviceDb(`outbox-${randomUUID()}`);
  await db.open();
  return db;
};

describe('Outbox', () => {
  it('stores an event and the action that caused it atomically', async () => {
    const db = await open();
    const outbox = new Outbox(db);
    await outbox.record(
      { kind: 'interaction', payload: { action: 'view', productId: 'p1' } },
      { tables: [db.meta], run: () => db.setMeta('last-viewed', 'p1') },
    );
    expect(await outbox.pending()).toBe(1);
    expect(await db.getMeta('last-viewed')).toBe('p1');

    // The action fails: neither the event nor the action's write is kept.
    await expect(
      outbox.record(
        { kind: 'interaction', payload: { action: 'view', productId: 'p2' } },
        {
          tables: [db.meta],
          run: async () => {
            await db.setMeta('last-viewed', 'p2');
            throw new Error('disk full');
          },
        },
      ),
    ).rejects.toThrow('disk full');
    expect(await outbox.pending()).toBe(1);
    expect(await db.getMeta('last-viewed')).toBe('p1');
  });

  it('numbers events from 1 and publishes them in order, 200 a batch', async () => {
    const db = await open();
    const outbox = new Outbox(db);
    for (let i = 0; i < 450; i++)
      await outbox.record({ kind: 'interaction', payload: { action: 'scan' } });
    const batches: EventBatch[] = [];
    outbox.setPublisher((batch) => {
      batches.push(batch);
      return true;
    });
    // setPublisher flushes in the background: wait for all of it, however slow the machine.
    for (
      let waited = 0;
      batches.reduce((n, batch) => n + batch.events.length, 0) < 450;
      waited += 10
    ) {
      if (waited > 10_000) throw new Error('the outbox did not publish all 450 events');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const sizes = batches.map((batch) => batch.events.length);
    expect(sizes.slice(0, 3)).toEqual([200, 200, 50]);
    const seqs = batches
      .slice(0, 3)
      .flatMap((batch) => batch.events.map((event) => (event as { seq: number }).seq));
    expect(seqs).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    outbox.stop();
  });

  it('keeps events until acknowledged, and sets refused ones aside with the reason', async () => {
    const db = await open();
    const outbox = new Outbox(db);
    const a = await outbox.record({ kind: 'interaction', payload: { action: 'scan' } });
    const b = await outbox.record({ kind: 'interaction', payload: { action: 'scan' } });
    // Published (PUBACK or not): still pending until the server's ack.
    outbox.setPublisher(() => true);
    await outbox.flush();
    expect(await outbox.pending()).toBe(2);
    await outbox.acknowledge({
      v: 1,
      type: 'ack',
      ids: [a.id],
      rejected: [{ id: b.id, reason: 'payload: bad' }],
    });
    expect(await outbox.pending()).toBe(0);
    expect(await db.rejected.get(b.id)).toMatchObject({ reason: 'payload: bad' });
    outbox.stop();
  });
});
