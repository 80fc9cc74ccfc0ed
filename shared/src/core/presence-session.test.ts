import { describe, expect, it } from 'vitest';
import { needsRebirth, supersedes, takenOver } from './presence-session';
import { ExpertAvailabilityMessage, ExpertPresenceMessage } from './calls';
import { parseExpertPresenceTopic, topics } from './topics';
import { parseUnknown } from './parse';

const birth = (session: number) => ({ session, alive: true });
const will = (session: number) => ({ session, alive: false });

describe('the presence session rule', () => {
  it('lets a newer session win and drops stale or repeated wills', () => {
    expect(supersedes(undefined, will(1))).toBe(true);
    expect(supersedes(birth(4), birth(5))).toBe(true);
    expect(supersedes(birth(5), will(4))).toBe(false);
    expect(supersedes(birth(5), will(5))).toBe(true);
    expect(supersedes(will(5), will(5))).toBe(false);
    expect(supersedes(will(5), birth(5))).toBe(true); // a rebirth after our own stale will
    expect(supersedes(birth(5), birth(4))).toBe(false);
  });

  it('tells a publisher to rebirth over a will, and when someone took over', () => {
    expect(needsRebirth(5, will(5))).toBe(true);
    expect(needsRebirth(5, birth(4))).toBe(true);
    expect(needsRebirth(5, birth(5))).toBe(false);
    expect(takenOver(5, birth(6))).toBe(true);
    expect(takenOver(5, will(6))).toBe(false);
    expect(takenOver(5, birth(5))).toBe(false);
  });
});

describe('expert presence messages and topics', () => {
  it('parses births and wills from unknown, and refuses junk with a reason', () => {
    const ok = parseUnknown(ExpertPresenceMessage, {
      v: 1,
      type: 'online',
      session: 3,
      skills: ['wine'],
      available: true,
      at: '2026-11-23T10:00:00.000Z',
    });
    expect(ok.ok).toBe(true);
    expect(parseUnknown(ExpertPresenceMessage, { v: 1, type: 'offline', session: 3 }).ok).toBe(
      true,
    );
    const noSkill = parseUnknown(ExpertPresenceMessage, {
      v: 1,
      type: 'online',
      session: 3,
      skills: [],
      available: true,
      at: '2026-11-23T10:00:00.000Z',
    });
    expect(noSkill.ok ? '' : noSkill.error).toMatch(/skills/);
    const badSkill = parseUnknown(ExpertPresenceMessage, {
      v: 1,
      type: 'online',
      session: -1,
      skills: ['astrology'],
      available: 'yes',
      at: 'now',
    });
    expect(badSkill.ok).toBe(false);
    expect(parseUnknown(ExpertPresenceMessage, { v: 2, type: 'offline', session: 1 }).ok).toBe(
      false,
    );
  });

  it('carries counts per skill only in the availability summary', () => {
    const summary = parseUnknown(ExpertAvailabilityMessage, {
      v: 1,
      type: 'expert-availability',
      skills: {
        wine: { available: 1, online: 2 },
        nutrition: { available: 0, online: 0 },
        style: { available: 0, online: 1 },
        tech: { available: 0, online: 0 },
      },
      at: '2026-11-23T10:00:00.000Z',
    });
    expect(summary.ok).toBe(true);
    expect(
      parseUnknown(ExpertAvailabilityMessage, {
        v: 1,
        type: 'expert-availability',
        skills: { wine: { available: 'Hugo' } },
        at: '2026-11-23T10:00:00.000Z',
      }).ok,
    ).toBe(false);
  });

  it('builds and splits presence topics', () => {
    const topic = topics.expertPresence('s1', 'expert-a');
    expect(parseExpertPresenceTopic(topic)).toEqual({ storeId: 's1', expertId: 'expert-a' });
    expect(parseExpertPresenceTopic(topics.expertAvailability('s1'))).toBeUndefined();
    expect(parseExpertPresenceTopic(topics.status('s1', 'k1'))).toBeUndefined();
    expect(parseExpertPresenceTopic('vitrine/v1/stores/s1/experts/a b/presence')).toBeUndefined();
  });
});
