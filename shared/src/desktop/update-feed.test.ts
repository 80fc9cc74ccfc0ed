import { describe, expect, it } from 'vitest';
import { msUntilMaintenance, updateFeed } from './update-feed';

describe('updateFeed', () => {
  const server = 'https://store-0042.lan:8443';

  it('reads from the store server by default', () => {
    expect(updateFeed({ channel: 'store' }, server, 'kiosk')).toEqual({
      provider: 'generic',
      url: 'https://store-0042.lan:8443/updates/kiosk',
    });
  });

  it('reads from a head-office channel per app', () => {
    const updates = { channel: 'head-office', url: 'https://updates.example.com/stable' } as const;
    expect(updateFeed(updates, server, 'mirror')).toEqual({
      provider: 'generic',
      url: 'https://updates.example.com/stable/mirror',
    });
  });

  it('can be switched off for fleets updated by their own tooling', () => {
    expect(updateFeed({ channel: 'off' }, server, 'signage')).toBeUndefined();
  });
});

describe('msUntilMaintenance', () => {
  it('waits for tonight or tomorrow night', () => {
    expect(msUntilMaintenance(new Date(2025, 0, 1, 1, 30), 3)).toBe(90 * 60_000);
    expect(msUntilMaintenance(new Date(2025, 0, 1, 3, 0), 3)).toBe(24 * 3_600_000);
    expect(msUntilMaintenance(new Date(2025, 0, 1, 22, 0), 3)).toBe(5 * 3_600_000);
  });
});
