import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL_STORE_REQUESTS,
  hqChainSubject,
  hqStoreSubject,
  isStoreId,
  LINK_REQUEST_KINDS,
  linkStreams,
  parseStoreSubject,
  storeConsumers,
  storeDurable,
  storeInboxPrefix,
  storeSubjects,
} from './subjects';

const storeIdArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);

/** NATS subject matching: `*` one token, `>` the rest. */
function matches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length || (p[i] !== '*' && p[i] !== s[i])) return false;
  }
  return p.length === s.length;
}

describe('store ids', () => {
  it('refuses what would break out of one subject token', () => {
    for (const bad of ['', 'a.b', 'a*', 'a>', '>', 'a b', 'a\tb', 'x'.repeat(65), 'é']) {
      expect(isStoreId(bad), bad).toBe(false);
      expect(() => storeSubjects(bad), bad).toThrow(/store id/);
    }
    expect(isStoreId('paris-11_B')).toBe(true);
  });
});

describe('subjects', () => {
  it('spells the plan’s subjects', () => {
    const a = storeSubjects('A');
    expect(a.events).toBe('vt.st.A.events');
    expect(a.req['stock-catch-up']).toBe('vt.st.A.req.stock-catch-up');
    expect(hqStoreSubject('A', 'prices')).toBe('vt.hq.store.A.prices');
    expect(hqChainSubject('catalogue')).toBe('vt.hq.all.catalogue');
    expect(storeInboxPrefix('A')).toBe('_INBOX_A');
    expect(storeDurable('A')).toBe('s-A');
  });

  it('parses back every subject a store publishes, for any store id', () => {
    fc.assert(
      fc.property(storeIdArb, (storeId) => {
        const subjects = storeSubjects(storeId);
        expect(parseStoreSubject(subjects.events)).toEqual({ storeId, kind: 'events' });
        expect(parseStoreSubject(subjects.fleet)).toEqual({ storeId, kind: 'fleet' });
        for (const kind of LINK_REQUEST_KINDS) {
          expect(parseStoreSubject(subjects.req[kind])).toEqual({ storeId, kind: `req.${kind}` });
          expect(matches(ALL_STORE_REQUESTS, subjects.req[kind])).toBe(true);
        }
      }),
    );
  });

  it('gives null for anything else', () => {
    for (const subject of [
      'vt.st.A',
      'vt.st.A.other',
      'vt.st.A.req.nope',
      'vt.st.*.events',
      'vt.st.>',
      'vt.hq.store.A.prices',
      'xx.st.A.events',
      'vt.st..events',
      'vt.st.A.events.more',
    ]) {
      expect(parseStoreSubject(subject), subject).toBeNull();
    }
  });
});

describe('streams', () => {
  const streams = linkStreams({ eventsMaxBytes: 1 << 30, stockMaxBytes: 1 << 28 });
  const byName = Object.fromEntries(streams.map((stream) => [stream.name, stream]));

  it('declares the retention each stream needs', () => {
    expect(byName.EVENTS).toMatchObject({
      retention: 'workqueue',
      discard: 'new',
      max_bytes: 1 << 30,
    });
    expect(byName.STOCK).toMatchObject({ retention: 'workqueue', discard: 'new' });
    expect(byName.FLEET).toMatchObject({ max_msgs_per_subject: 1, max_age: 2 * 86_400e9 });
    expect(byName.HQ_CHAIN).toMatchObject({ max_age: 14 * 86_400e9, duplicate_window: 120e9 });
    expect(streams.every((stream) => stream.num_replicas === 3)).toBe(true);
  });

  it('stores every subject a store or HQ publishes on in exactly one stream, and no request', () => {
    const owners = (subject: string) =>
      streams.filter((stream) => stream.subjects.some((pattern) => matches(pattern, subject)));
    const a = storeSubjects('A');
    expect(owners(a.events).map((s) => s.name)).toEqual(['EVENTS']);
    expect(owners(a.stock).map((s) => s.name)).toEqual(['STOCK']);
    expect(owners(a.fleet).map((s) => s.name)).toEqual(['FLEET']);
    expect(owners(hqStoreSubject('A', 'snapshot')).map((s) => s.name)).toEqual(['HQ_STORES']);
    expect(owners(hqChainSubject('settings')).map((s) => s.name)).toEqual(['HQ_CHAIN']);
    // A stored request would get a PubAck as its reply.
    for (const kind of LINK_REQUEST_KINDS) expect(owners(a.req[kind])).toEqual([]);
  });

  it('gives a store durables that see only its own and the chain’s messages', () => {
    const [chain, own] = storeConsumers('A');
    expect(chain?.config.filter_subject).toBeUndefined();
    expect(own?.config.filter_subject).toBe('vt.hq.store.A.>');
    expect(matches(own!.config.filter_subject!, hqStoreSubject('B', 'prices'))).toBe(false);
  });
});
