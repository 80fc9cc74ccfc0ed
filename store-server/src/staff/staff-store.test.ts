import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { requireRole } from './staff-auth';
import { SESSION_HOURS, StaffStore } from './staff-store';

const store = () => new StaffStore(openDatabase(mkdtempSync(join(tmpdir(), 'vitrine-staff-'))));
const requestWith = (authorization?: string) =>
  ({
    header: (name: string) => (name === 'authorization' ? authorization : undefined),
  }) as unknown as Request;

describe('staff sessions and roles', () => {
  it('signs in with the right password only, and sessions expire', () => {
    const staff = store();
    staff.upsertUser({ id: 'camille', name: 'Camille', roles: ['staff'] }, 'correct horse');
    expect(staff.signIn('camille', 'wrong')).toBeUndefined();
    expect(staff.signIn('nobody', 'correct horse')).toBeUndefined();
    const now = new Date('2026-11-23T08:00:00Z');
    const session = staff.signIn('camille', 'correct horse', now)!;
    expect(staff.userForToken(session.token, now)?.id).toBe('camille');
    const later = new Date(now.getTime() + SESSION_HOURS * 3_600_000 + 1);
    expect(staff.userForToken(session.token, later)).toBeUndefined();
    staff.signOut(session.token);
    expect(staff.userForToken(session.token, now)).toBeUndefined();
  });

  it('finds the one user with a name in any word order, never one of several', () => {
    const staff = store();
    staff.upsertUser(
      { id: 'expert-julie-mercier', name: 'Julie Mercier', roles: ['expert'] },
      'pw',
    );
    staff.upsertUser({ id: 'expert-lea-nguyen', name: 'Léa Nguyen', roles: ['expert'] }, 'pw');
    staff.upsertUser({ id: 'julie-b', name: 'Julie Bonnet', roles: ['staff'] }, 'pw');
    expect(staff.idForName('Mercier Julie')).toBe('expert-julie-mercier');
    expect(staff.idForName('nguyen lea')).toBe('expert-lea-nguyen');
    expect(staff.idForName('Julie')).toBeUndefined(); // two Julies: say which
    expect(staff.idForName('Paul')).toBeUndefined();
  });

  it('answers 401 without a session and 403 with the wrong role', () => {
    const staff = store();
    staff.upsertUser({ id: 'lea', name: 'Léa', roles: ['editor'] }, 'pw-123456');
    const { token } = staff.signIn('lea', 'pw-123456')!;
    const auth = { store: staff, adminToken: 'a'.repeat(24) };
    expect(() => requireRole(requestWith(), auth, 'staff')).toThrow(
      expect.objectContaining({ status: 401 }),
    );
    expect(() => requireRole(requestWith(`Bearer ${token}`), auth, 'publisher')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(requireRole(requestWith(`Bearer ${token}`), auth, 'editor').id).toBe('lea');
    expect(requireRole(requestWith(`Bearer ${'a'.repeat(24)}`), auth, 'publisher').roles).toEqual([
      'admin',
    ]);
  });
});
