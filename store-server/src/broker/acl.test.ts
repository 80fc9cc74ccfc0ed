import { describe, expect, it } from 'vitest';
import { topics } from '@vitrine/shared/core';
import { canPublish, canSubscribe, devicePrincipal, stationGrants, type Principal } from './acl';

const kiosk: Principal = { kind: 'device', storeId: 's1', deviceId: 'k1', role: 'kiosk' };
const server: Principal = { kind: 'server', storeId: 's1' };
const expert: Principal = { kind: 'expert', storeId: 's1', expertId: 'e1', sessionId: 'abc' };

describe('broker ACL', () => {
  it('lets a device write only its own events and status', () => {
    expect(canPublish(kiosk, topics.events('s1', 'k1'))).toBe(true);
    expect(canPublish(kiosk, topics.status('s1', 'k1'))).toBe(true);
    expect(canPublish(kiosk, topics.events('s1', 'k2'))).toBe(false);
    expect(canPublish(kiosk, topics.events('s2', 'k1'))).toBe(false);
    expect(canPublish(kiosk, topics.sync('s1'))).toBe(false);
    expect(canPublish(kiosk, topics.acks('s1', 'k1'))).toBe(false);
  });

  it("lets a device read only its store's catalogue and its own topics", () => {
    expect(canSubscribe(kiosk, topics.sync('s1'))).toBe(true);
    expect(canSubscribe(kiosk, topics.acks('s1', 'k1'))).toBe(true);
    expect(canSubscribe(kiosk, topics.commands('s1', 'k1'))).toBe(true);
    expect(canSubscribe(kiosk, topics.sync('s2'))).toBe(false);
    expect(canSubscribe(kiosk, topics.acks('s1', 'k2'))).toBe(false);
    expect(canSubscribe(kiosk, topics.allEvents('s1'))).toBe(false);
    expect(canSubscribe(kiosk, 'vitrine/v1/#')).toBe(false);
    expect(canSubscribe(kiosk, '#')).toBe(false);
  });

  it('keeps the server inside its own store', () => {
    expect(canSubscribe(server, topics.allEvents('s1'))).toBe(true);
    expect(canPublish(server, topics.sync('s1'))).toBe(true);
    expect(canPublish(server, topics.sync('s2'))).toBe(false);
    expect(canSubscribe(server, '#')).toBe(false);
  });

  it('lets a device read the expert availability summary, and nothing of any expert', () => {
    expect(canSubscribe(kiosk, topics.expertAvailability('s1'))).toBe(true);
    expect(canSubscribe(kiosk, topics.expertAvailability('s2'))).toBe(false);
    expect(canPublish(kiosk, topics.expertAvailability('s1'))).toBe(false);
    expect(canSubscribe(kiosk, topics.expertPresence('s1', 'e1'))).toBe(false);
    expect(canSubscribe(kiosk, topics.allExpertPresence('s1'))).toBe(false);
  });

  it('holds an expert to their own presence topic', () => {
    expect(canPublish(expert, topics.expertPresence('s1', 'e1'))).toBe(true);
    expect(canSubscribe(expert, topics.expertPresence('s1', 'e1'))).toBe(true);
    expect(canPublish(expert, topics.expertPresence('s1', 'e2'))).toBe(false);
    expect(canPublish(expert, topics.expertPresence('s2', 'e1'))).toBe(false);
    expect(canPublish(expert, topics.expertAvailability('s1'))).toBe(false);
    expect(canSubscribe(expert, topics.allExpertPresence('s1'))).toBe(false);
    expect(canSubscribe(expert, topics.expertAvailability('s1'))).toBe(false);
    expect(canPublish(expert, topics.status('s1', 'e1'))).toBe(false);
    expect(canSubscribe(expert, topics.sync('s1'))).toBe(false);
  });

  it('lets the server read expert presence and publish the summary', () => {
    expect(canSubscribe(server, topics.allExpertPresence('s1'))).toBe(true);
    expect(canPublish(server, topics.expertAvailability('s1'))).toBe(true);
  });
});

describe('measuring station ACL', () => {
  let mirror: string | null = 'm1';
  const station = devicePrincipal('s1', { id: 'measure-1', role: 'measure' }, (id) =>
    id === 'measure-1' ? mirror : null,
  );

  it('lets a station publish only to its paired mirror’s measurements topic', () => {
    mirror = 'm1';
    expect(canPublish(station, topics.measurements('s1', 'm1'))).toBe(true);
    expect(canPublish(station, topics.measurements('s1', 'm2'))).toBe(false);
    expect(canPublish(station, topics.measurements('s2', 'm1'))).toBe(false);
    expect(canPublish(station, topics.allMeasurements('s1'))).toBe(false);
    expect(canPublish(station, topics.events('s1', 'measure-1'))).toBe(false);
    expect(canPublish(station, topics.status('s1', 'measure-1'))).toBe(false);
    expect(canPublish(station, topics.sync('s1'))).toBe(false);
  });

  it('lets a station subscribe to nothing, not even its own measurements topic', () => {
    expect(canSubscribe(station, topics.measurements('s1', 'm1'))).toBe(false);
    expect(canSubscribe(station, topics.sync('s1'))).toBe(false);
    expect(canSubscribe(station, topics.commands('s1', 'measure-1'))).toBe(false);
    expect(canSubscribe(station, topics.expertAvailability('s1'))).toBe(false);
    expect(canSubscribe(station, '#')).toBe(false);
  });

  it('follows re-pairing at once, and an unpaired station may publish nowhere', () => {
    mirror = 'm2';
    expect(canPublish(station, topics.measurements('s1', 'm1'))).toBe(false);
    expect(canPublish(station, topics.measurements('s1', 'm2'))).toBe(true);
    mirror = null;
    expect(stationGrants('s1', null)).toEqual({ subscribe: [], publish: [] });
    expect(canPublish(station, topics.measurements('s1', 'm2'))).toBe(false);
  });

  it('keeps screens on their own grants and lets the server reach any mirror', () => {
    const mirrorDevice = devicePrincipal('s1', { id: 'm1', role: 'mirror' }, () => 'm9');
    expect(canPublish(mirrorDevice, topics.measurements('s1', 'm1'))).toBe(false);
    expect(canPublish(mirrorDevice, topics.events('s1', 'm1'))).toBe(true);
    expect(canPublish(server, topics.measurements('s1', 'm1'))).toBe(true);
  });
});
