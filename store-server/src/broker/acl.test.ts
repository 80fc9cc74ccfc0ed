import { describe, expect, it } from 'vitest';
import { topics } from '@vitrine/shared/core';
import { canPublish, canSubscribe, type Principal } from './acl';

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
