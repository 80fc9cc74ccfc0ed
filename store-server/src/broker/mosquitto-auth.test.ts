import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mosquittoPasswordHash, renderMosquittoAuth } from './mosquitto-auth';

describe('Mosquitto auth files', () => {
  it('hashes like mosquitto_passwd ($7$, PBKDF2-SHA512, 101 rounds)', () => {
    const salt = Buffer.from('RLJ+/A3Sg9lvG3/7', 'base64');
    // Reference value written by `mosquitto_passwd -b pw alice s3cret` (Mosquitto 2.0.11).
    expect(mosquittoPasswordHash('s3cret', salt)).toBe(
      '$7$101$RLJ+/A3Sg9lvG3/7$oJdnch6Vv7G6V6sr7If1SUyE1+lwlBqwIwNUxgKQLOswbIoVGYkynp/2K35n5TWK1YK7DuCL/JhV/nlXCrj/OA==',
    );
    const [, , rounds, saltB64, hash] = mosquittoPasswordHash('x').split('$');
    expect(rounds).toBe('101');
    expect(
      pbkdf2Sync('x', Buffer.from(saltB64!, 'base64'), 101, 64, 'sha512').toString('base64'),
    ).toBe(hash);
  });

  it('lists only active devices, each limited to its own topics', () => {
    const { passwd, acl } = renderMosquittoAuth({
      storeId: 's1',
      server: { username: 'store-server', passwordHash: '$7$h' },
      devices: [
        { id: 'k1', status: 'active', brokerHash: '$7$a' },
        { id: 'k2', status: 'pending', brokerHash: '$7$b' },
        { id: 'k3', status: 'revoked', brokerHash: '$7$c' },
      ],
    });
    expect(passwd).toBe('store-server:$7$h\nk1:$7$a\n');
    expect(acl).toContain('user k1\ntopic read vitrine/v1/stores/s1/sync\n');
    expect(acl).toContain('topic write vitrine/v1/stores/s1/devices/k1/events');
    expect(acl).toContain('topic readwrite vitrine/v1/stores/s1/devices/k1/status');
    expect(acl).not.toContain('k2');
    expect(acl).not.toMatch(/user k1[\s\S]*#/);
  });

  it('gives a signed-in expert session its own presence topic only, and devices the summary', () => {
    const { passwd, acl } = renderMosquittoAuth({
      storeId: 's1',
      server: { username: 'store-server', passwordHash: '$7$h' },
      devices: [{ id: 'k1', status: 'active', brokerHash: '$7$a' }],
      experts: [{ username: 'expert.0123abcd', expertId: 'e1', brokerHash: '$7$e' }],
    });
    expect(passwd).toBe('store-server:$7$h\nk1:$7$a\nexpert.0123abcd:$7$e\n');
    expect(acl).toContain(
      'user expert.0123abcd\ntopic readwrite vitrine/v1/stores/s1/experts/e1/presence\n\n',
    );
    expect(acl).toContain('user k1\n');
    expect(acl).toContain('topic read vitrine/v1/stores/s1/experts/availability');
    expect(acl.split('user expert.0123abcd')[1]).not.toMatch(/\+|#|availability/);
  });

  it('gives a paired station write access to its mirror’s measurements only, an unpaired one nothing', () => {
    const { passwd, acl } = renderMosquittoAuth({
      storeId: 's1',
      server: { username: 'store-server', passwordHash: '$7$h' },
      devices: [
        { id: 'm1', role: 'mirror', status: 'active', brokerHash: '$7$m' },
        { id: 'measure-a', role: 'measure', status: 'active', brokerHash: '$7$a' },
        { id: 'measure-b', role: 'measure', status: 'active', brokerHash: '$7$b' },
        { id: 'measure-c', role: 'measure', status: 'revoked', brokerHash: '$7$c' },
      ],
      stations: [
        { stationId: 'measure-a', mirrorId: 'm1' },
        { stationId: 'measure-c', mirrorId: 'm1' },
      ],
    });
    expect(passwd).toBe('store-server:$7$h\nm1:$7$m\nmeasure-a:$7$a\nmeasure-b:$7$b\n');
    expect(acl).toContain(
      'user measure-a\ntopic write vitrine/v1/stores/s1/devices/m1/measurements\n\n',
    );
    expect(acl).toContain('user measure-b\n\n');
    expect(acl).not.toContain('measure-c');
    // The mirror itself has no grant on its measurements topic.
    expect(acl.split('user m1\n')[1]?.split('\n\n')[0]).not.toContain('measurements');
  });
});
