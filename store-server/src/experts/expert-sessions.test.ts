import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { StaffStore } from '../staff/staff-store';
import { ExpertSessions, type EndedSession } from './expert-sessions';

function setUp() {
  const db = openDatabase(mkdtempSync(join(tmpdir(), 'vitrine-expert-sessions-')));
  const staff = new StaffStore(db);
  const sessions = new ExpertSessions(db, staff, 's1');
  staff.onSignOut((tokenHash) => sessions.endByTokenHash(tokenHash));
  const hugo = staff.upsertUser({ id: 'hugo', name: 'Hugo', roles: ['expert'] }, 'pw-hugo');
  staff.upsertUser({ id: 'camille', name: 'Camille', roles: ['staff'] }, 'pw-camille');
  const ended: EndedSession[] = [];
  sessions.onEnded((session) => ended.push(session));
  return { db, staff, sessions, hugo, ended };
}

describe('expert broker sessions', () => {
  it('lets a signed-in expert session on the broker as itself, with growing session numbers', () => {
    const { staff, sessions, hugo } = setUp();
    const { token } = staff.signIn('hugo', 'pw-hugo')!;
    const first = sessions.issue(hugo, token);
    expect(first.username).toMatch(/^expert\.[0-9a-f]{32}$/);
    expect(first.topic).toBe('vitrine/v1/stores/s1/experts/hugo/presence');
    const second = sessions.issue(hugo, token); // the console reloaded
    expect(second.session).toBe(first.session + 1);
    expect(second.username).toBe(first.username);
    expect(sessions.lastIssued('hugo')).toBe(second.session);
    expect(sessions.authenticate(first.clientId, first.username, token)).toEqual({
      kind: 'expert',
      storeId: 's1',
      expertId: 'hugo',
      sessionId: first.username.slice('expert.'.length),
    });
    expect(sessions.brokerAccounts()).toEqual([
      {
        username: first.username,
        expertId: 'hugo',
        brokerHash: expect.stringMatching(/^\$7\$101\$/) as string,
      },
    ]);
  });

  it('refuses a wrong token, another client id, another session name, or a non-expert', () => {
    const { staff, sessions, hugo } = setUp();
    const { token } = staff.signIn('hugo', 'pw-hugo')!;
    const login = sessions.issue(hugo, token);
    const other = staff.signIn('hugo', 'pw-hugo')!.token; // a second sign-in: another session
    expect(sessions.authenticate(login.clientId, login.username, other)).toBeUndefined();
    expect(sessions.authenticate('someone', login.username, token)).toBeUndefined();
    expect(sessions.authenticate('expert.x', 'expert.x', token)).toBeUndefined();
    const camille = staff.signIn('camille', 'pw-camille')!;
    expect(() => sessions.issue(camille.user, camille.token)).toThrow(/only an expert/);
    const name = `expert.${'0'.repeat(32)}`;
    expect(sessions.authenticate(name, name, camille.token)).toBeUndefined();
  });

  it('ends the broker session at sign-out, and at expiry on the next sweep', () => {
    const { db, staff, sessions, hugo, ended } = setUp();
    const a = staff.signIn('hugo', 'pw-hugo')!.token;
    const b = staff.signIn('hugo', 'pw-hugo')!.token;
    const loginA = sessions.issue(hugo, a);
    const loginB = sessions.issue(hugo, b);
    const idA = loginA.username.slice('expert.'.length);
    const idB = loginB.username.slice('expert.'.length);
    staff.signOut(a);
    expect(ended).toEqual([{ sessionId: idA, expertId: 'hugo', presenceSession: loginA.session }]);
    expect(sessions.isLive(idA)).toBe(false);
    expect(sessions.authenticate(loginA.clientId, loginA.username, a)).toBeUndefined();
    expect(sessions.brokerAccounts().map((account) => account.username)).toEqual([loginB.username]);

    db.prepare(`UPDATE staff_sessions SET expires_at = '2000-01-01T00:00:00.000Z'`).run();
    expect(sessions.isLive(idB)).toBe(false);
    sessions.sweep();
    expect(ended.at(-1)).toEqual({
      sessionId: idB,
      expertId: 'hugo',
      presenceSession: loginB.session,
    });
    expect(sessions.brokerAccounts()).toEqual([]);
    sessions.sweep();
    expect(ended).toHaveLength(2);
  });
});
