import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hqPermissions, storePermissions } from './permissions';
import { MAX_NEIGHBOURS } from './messages';

const tokens = (subject: string) => subject.split('.');

// Ids that are not a fixed word of the permissions ('st', 'stock', 'API'…) nor look like a durable,
// so finding one among the tokens means the permissions name that store.
const probe = storePermissions('probe', ['probe2']);
const vocabulary = new Set([...probe.publish.allow, ...probe.subscribe.allow].flatMap(tokens));
const storeIdArb = fc
  .stringMatching(/^[A-Za-z0-9_-]{1,12}$/)
  .filter((id) => !vocabulary.has(id) && !id.startsWith('s-'));

/** A store, its neighbours and a third store that is neither. */
const storesArb = fc
  .uniqueArray(storeIdArb, { minLength: 2, maxLength: MAX_NEIGHBOURS + 2 })
  .map(([storeId, stranger, ...neighbours]) => ({
    storeId: storeId!,
    stranger: stranger!,
    neighbours,
  }));

describe('storePermissions', () => {
  it('is the plan’s list for one store', () => {
    const { publish, subscribe } = storePermissions('A', ['B', 'C']);
    expect(publish.allow).toEqual([
      'vt.st.A.>',
      '$JS.API.INFO',
      '$JS.API.STREAM.INFO.OBJ_media',
      '$JS.API.STREAM.INFO.OBJ_snapshots',
      '$JS.API.CONSUMER.INFO.HQ_CHAIN.s-A',
      '$JS.API.CONSUMER.MSG.NEXT.HQ_CHAIN.s-A',
      '$JS.ACK.HQ_CHAIN.s-A.>',
      '$JS.API.CONSUMER.INFO.HQ_STORES.s-A',
      '$JS.API.CONSUMER.MSG.NEXT.HQ_STORES.s-A',
      '$JS.ACK.HQ_STORES.s-A.>',
      '$JS.API.CONSUMER.CREATE.OBJ_media.*.$O.media.C.>',
      '$JS.API.DIRECT.GET.OBJ_media.$O.media.M.>',
      '$JS.API.STREAM.MSG.GET.OBJ_media',
      '$JS.API.CONSUMER.CREATE.OBJ_snapshots.*.$O.snapshots.C.>',
      '$JS.API.DIRECT.GET.OBJ_snapshots.$O.snapshots.M.>',
      '$JS.API.STREAM.MSG.GET.OBJ_snapshots',
      '$JS.FC.>',
    ]);
    expect(subscribe.allow).toEqual(['_INBOX_A.>', 'vt.st.B.stock', 'vt.st.C.stock']);
  });

  it('never names another store, except a neighbour’s stock to subscribe to', () => {
    fc.assert(
      fc.property(storesArb, ({ storeId, stranger, neighbours }) => {
        const { publish, subscribe } = storePermissions(storeId, neighbours);
        const everything = [...publish.allow, ...subscribe.allow];
        // No token of any subject is another store's id or durable, nor an inbox other than its own.
        for (const subject of everything) {
          for (const token of tokens(subject)) {
            expect(token === stranger || token === `s-${stranger}`).toBe(false);
            expect(token.startsWith('_INBOX') && token !== `_INBOX_${storeId}`).toBe(false);
          }
        }
        // Everything it may publish is its own: its subjects, or the JetStream API on its durables and the buckets.
        for (const subject of publish.allow) {
          const own = subject.startsWith(`vt.st.${storeId}.`) || subject.startsWith('$JS.');
          expect(own, subject).toBe(true);
          if (subject.startsWith('vt.')) expect(tokens(subject)[2]).toBe(storeId);
          for (const neighbour of neighbours) expect(tokens(subject)).not.toContain(neighbour);
        }
        // What it may hear from others is exactly each neighbour's stock subject.
        const heard = subscribe.allow.filter((subject) => subject !== `_INBOX_${storeId}.>`);
        expect(heard.sort()).toEqual(neighbours.map((n) => `vt.st.${n}.stock`).sort());
        // No wildcard lets it hear more than one subject of anyone else.
        for (const subject of heard) expect(subject).not.toMatch(/[*>]/);
      }),
    );
  });

  it('refuses a bad id, itself as a neighbour, and more than the neighbours allowed', () => {
    expect(() => storePermissions('A.>', [])).toThrow(/store id/);
    expect(() => storePermissions('A', ['*'])).toThrow(/store id/);
    expect(() => storePermissions('A', ['A'])).toThrow(/own neighbour/);
    const many = Array.from({ length: MAX_NEIGHBOURS + 1 }, (_, i) => `n${i}`);
    expect(() => storePermissions('A', many)).toThrow(/at most 10/);
  });
});

describe('hqPermissions', () => {
  it('allows everything', () => {
    expect(hqPermissions()).toEqual({ publish: { allow: ['>'] }, subscribe: { allow: ['>'] } });
  });
});
