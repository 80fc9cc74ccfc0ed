// Enrolled devices: who may connect, with which role. A new device is pending
// (it shows a pairing code) until staff approve it; unknown or revoked ones are refused.
import { randomBytes } from 'node:crypto';
import { DeviceRole } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { mosquittoPasswordHash } from '../broker/mosquitto-auth';
import { hashSecret, newPairingCode, newSecret, secretMatches } from './credentials';

// Screens (kiosk, signage, mirror) and measuring stations share one registry.
export { DeviceRole };

export type DeviceRecord = {
  id: string;
  role: DeviceRole;
  name: string;
  status: 'pending' | 'active' | 'revoked';
  pairingCode: string | null;
  createdAt: string;
  approvedAt: string | null;
};

type Row = {
  id: string;
  role: DeviceRole;
  name: string;
  secret_hash: string;
  status: DeviceRecord['status'];
  pairing_code: string | null;
  created_at: string;
  approved_at: string | null;
  broker_hash: string | null;
};

const toRecord = (row: Row): DeviceRecord => ({
  id: row.id,
  role: row.role,
  name: row.name,
  status: row.status,
  pairingCode: row.pairing_code,
  createdAt: row.created_at,
  approvedAt: row.approved_at,
});

export class DeviceRegistry {
  /** Active devices' hashes, so the broker's authenticate is a map lookup. */
  private cache = new Map<string, Row>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly db: Db) {
    this.reload();
  }

  private reload(): void {
    const rows = this.db.prepare('SELECT * FROM devices').all() as Row[];
    this.cache = new Map(rows.map((row) => [row.id, row]));
    for (const listener of this.listeners) listener();
  }

  /** Called after every change (enrolment, approval, revocation). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What an external broker needs to authenticate devices. */
  brokerAccounts(): { id: string; role: DeviceRole; status: string; brokerHash: string | null }[] {
    return [...this.cache.values()].map((row) => ({
      id: row.id,
      role: row.role,
      status: row.status,
      brokerHash: row.broker_hash,
    }));
  }

  /** A new device asks to join: it keeps the secret, staff see the pairing code. */
  enrol(
    role: DeviceRole,
    name: string,
  ): { device: DeviceRecord; secret: string; pairingCode: string } {
    const secret = newSecret();
    const id = `${role}-${randomBytes(6).toString('hex')}`;
    let pairingCode = newPairingCode();
    for (let attempt = 0; ; attempt++) {
      try {
        this.db
          .prepare(
            `INSERT INTO devices (id, role, name, secret_hash, broker_hash, status, pairing_code, created_at)
             VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
          )
          .run(
            id,
            role,
            name,
            hashSecret(secret),
            mosquittoPasswordHash(secret),
            pairingCode,
            new Date().toISOString(),
          );
        break;
      } catch (error) {
        // A pairing code already shown by another pending device: draw again.
        if (attempt > 20 || !String(error).includes('pairing_code')) throw error;
        pairingCode = newPairingCode();
      }
    }
    this.reload();
    return { device: this.get(id)!, secret, pairingCode };
  }

  /** Pre-enrolled, already active device with a known secret (demo store, tests). */
  upsertActive(id: string, role: DeviceRole, name: string, secret: string): DeviceRecord {
    this.db
      .prepare(
        `INSERT INTO devices (id, role, name, secret_hash, broker_hash, status, created_at, approved_at)
         VALUES (?, ?, ?, ?, ?, 'active', ?, ?)
         ON CONFLICT (id) DO UPDATE SET role = excluded.role, name = excluded.name,
           secret_hash = excluded.secret_hash, broker_hash = excluded.broker_hash,
           status = 'active', pairing_code = NULL`,
      )
      .run(
        id,
        role,
        name,
        hashSecret(secret),
        mosquittoPasswordHash(secret),
        new Date().toISOString(),
        new Date().toISOString(),
      );
    this.reload();
    return this.get(id)!;
  }

  approveByCode(pairingCode: string): DeviceRecord | undefined {
    const row = this.db
      .prepare(`SELECT id FROM devices WHERE pairing_code = ? AND status = 'pending'`)
      .get(pairingCode) as { id: string } | undefined;
    if (!row) return undefined;
    this.db
      .prepare(
        `UPDATE devices SET status = 'active', pairing_code = NULL, approved_at = ? WHERE id = ?`,
      )
      .run(new Date().toISOString(), row.id);
    this.reload();
    return this.get(row.id);
  }

  revoke(id: string): DeviceRecord | undefined {
    this.db
      .prepare(`UPDATE devices SET status = 'revoked', pairing_code = NULL WHERE id = ?`)
      .run(id);
    this.reload();
    return this.get(id);
  }

  get(id: string): DeviceRecord | undefined {
    const row = this.cache.get(id);
    return row ? toRecord(row) : undefined;
  }

  list(): DeviceRecord[] {
    return [...this.cache.values()].map(toRecord);
  }

  /** The device when the secret is right, whatever its status; undefined otherwise. */
  verify(id: string, secret: string): DeviceRecord | undefined {
    const row = this.cache.get(id);
    if (!row || !secretMatches(secret, row.secret_hash)) return undefined;
    return toRecord(row);
  }
}
