import { describe, expect, it } from 'vitest';
import { DeviceMe, DeviceRole, EnrolRequest } from '../device-api';
import { StationPairingRequest } from '../http/routes/sizing';

describe('measuring station schemas', () => {
  it('lets a measuring station enrol, and refuses an unknown role', () => {
    expect(DeviceRole.options).toEqual(['kiosk', 'signage', 'mirror', 'measure', 'counter']);
    expect(EnrolRequest.parse({ role: 'measure', name: ' Scanner ' })).toEqual({
      role: 'measure',
      name: 'Scanner',
    });
    expect(EnrolRequest.safeParse({ role: 'scanner', name: 'x' }).success).toBe(false);
    expect(
      DeviceMe.safeParse({
        deviceId: 'measure-1',
        storeId: 's1',
        role: 'measure',
        name: 'Scanner',
        status: 'active',
        pairingCode: null,
        mqttUrl: null,
      }).success,
    ).toBe(true);
  });

  it('takes a mirror id or null, nothing else', () => {
    expect(StationPairingRequest.parse({ mirrorId: 'mirror-1' })).toEqual({ mirrorId: 'mirror-1' });
    expect(StationPairingRequest.parse({ mirrorId: null })).toEqual({ mirrorId: null });
    expect(StationPairingRequest.safeParse({}).success).toBe(false);
    expect(StationPairingRequest.safeParse({ mirrorId: 'a/b' }).success).toBe(false);
    expect(StationPairingRequest.safeParse({ mirrorId: '#' }).success).toBe(false);
    expect(StationPairingRequest.safeParse({ mirrorId: 'm1', extra: 1 }).success).toBe(false);
  });
});
