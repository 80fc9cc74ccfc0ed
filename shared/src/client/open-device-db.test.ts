import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { DeviceDb } from './device-db';
import { openDeviceDb } from './open-device-db';

describe('openDeviceDb', () => {
  it('opens a healthy copy as it is', async () => {
    const first = await openDeviceDb('healthy');
    await first.db.setMeta('sync.checkpoint', 42);
    first.db.close();
    const again = await openDeviceDb('healthy');
    expect(again.rebuilt).toBe(false);
    expect(await again.db.getMeta('sync.checkpoint')).toBe(42);
    again.db.close();
  });

  it('deletes and rebuilds a copy that cannot be opened, instead of failing', async () => {
    const first = await openDeviceDb('corrupt');
    await first.db.setMeta('sync.checkpoint', 7);
    first.db.close();
    // Chromium reports a corrupt LevelDB as an UnknownError on open: we cannot
    // corrupt fake-indexeddb's files, so the browser's answer is simulated once.
    const open = vi
      .spyOn(DeviceDb.prototype, 'open')
      .mockRejectedValueOnce(
        Object.assign(new Error('Internal error opening backing store'), { name: 'UnknownError' }),
      );
    const opened = await openDeviceDb('corrupt');
    open.mockRestore();
    expect(opened.rebuilt).toBe(true);
    if (opened.rebuilt) expect(opened.reason).toMatch(/UnknownError/);
    expect(await opened.db.getMeta('sync.checkpoint')).toBeUndefined();
    opened.db.close();
  });
});
