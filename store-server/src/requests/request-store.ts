// The staff request queue in SQLite, and a watcher that tells listeners about
// every change (new requests arrive through the events trigger, so the
// watcher looks at change_seq rather than relying on a call from ingestion).
import type { DeviceRequestStatus, RequestStatus, StaffRequest } from '@vitrine/shared/core';
import { canMoveRequest, CONTACT_RETENTION_DAYS } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { HttpError } from '@vitrine/shared/node';
import { isBusy, storageFaultOf } from '../db/storage-fault';

type Row = {
  id: string;
  device_id: string;
  type: StaffRequest['type'];
  product_id: string | null;
  variant_id: string | null;
  variant_gtin: string | null;
  location_id: string | null;
  place: string | null;
  note: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  status: RequestStatus;
  version: number;
  change_seq: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
  device_name: string | null;
  device_role: string | null;
  product_name: string | null;
  variant_size: string | null;
  variant_colour: string | null;
  transcript: string | null;
  viewed: string | null;
};

// The variant's size and colour come from the product, so staff read "M · noir",
// not an id. Requests from before variants had ids name it by GTIN.
const VARIANT = (field: string) => `(SELECT json_extract(v.value, '$.${field}')
  FROM json_each(p.body, '$.variants') v WHERE CASE WHEN r.variant_id IS NULL
    THEN json_extract(v.value, '$.gtin') = r.variant_gtin
    ELSE json_extract(v.value, '$.id') = r.variant_id END)`;
// An assistant's hand-off keeps its conversation and the products looked at in its event: read
// from there (the request row holds what every request has).
const VIEWED = `(SELECT json_group_array(json_object('id', v.value,
    'name', json_extract(vp.body, '$.name.fr')))
  FROM json_each(e.payload, '$.viewed') v
  LEFT JOIN sync_docs vp ON vp.collection = 'products' AND vp.id = v.value)`;
const SELECT = `SELECT r.*, d.name AS device_name, d.role AS device_role,
  json_extract(p.body, '$.name.fr') AS product_name,
  ${VARIANT('size')} AS variant_size, ${VARIANT('colour')} AS variant_colour,
  json_extract(e.payload, '$.transcript') AS transcript,
  CASE WHEN json_type(e.payload, '$.viewed') IS NULL THEN NULL ELSE ${VIEWED} END AS viewed
  FROM requests r
  LEFT JOIN devices d ON d.id = r.device_id
  LEFT JOIN sync_docs p ON p.collection = 'products' AND p.id = r.product_id
  LEFT JOIN events e ON e.device_id = r.device_id AND e.id = r.id`;

export const toDeviceView = (request: StaffRequest): DeviceRequestStatus => ({
  id: request.id,
  type: request.type,
  productId: request.productId,
  variantId: request.variantId,
  variantGtin: request.variantGtin,
  status: request.status,
  version: request.version,
  updatedAt: request.updatedAt,
});

function toStaffView(row: Row): StaffRequest {
  return {
    id: row.id,
    type: row.type,
    productId: row.product_id,
    variantId: row.variant_id,
    variantGtin: row.variant_gtin,
    status: row.status,
    version: row.version,
    updatedAt: row.updated_at,
    deviceId: row.device_id,
    deviceName: row.device_name,
    deviceRole: row.device_role,
    locationId: row.location_id,
    place: row.place,
    note: row.note,
    contact: row.contact_name
      ? { name: row.contact_name, phone: row.contact_phone, email: row.contact_email }
      : null,
    productName: row.product_name,
    variantSize: row.variant_size,
    variantColour: row.variant_colour,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    ...(row.transcript && { transcript: JSON.parse(row.transcript) as StaffRequest['transcript'] }),
    ...(row.viewed && { viewed: JSON.parse(row.viewed) as StaffRequest['viewed'] }),
  };
}

const CONTACT_SWEEP_MS = 3_600_000;

export class RequestStore {
  private readonly listeners = new Set<(changed: StaffRequest[]) => void>();
  private seen: number;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly contactSweep: ReturnType<typeof setInterval>;

  constructor(
    private readonly db: Db,
    pollMs = 150,
    private readonly contactDays = CONTACT_RETENTION_DAYS,
  ) {
    this.seen = this.maxSeq();
    this.timer = setInterval(() => this.poke(), pollMs);
    this.sweepContacts();
    this.contactSweep = setInterval(() => this.sweepContacts(), CONTACT_SWEEP_MS);
    this.contactSweep.unref();
  }

  /**
   * Forgets the contact of requests older than the retention, even open ones
   * (closing forgets it at once, in SQL). Returns how many were forgotten.
   */
  forgetOldContacts(now = Date.now()): number {
    const before = new Date(now - this.contactDays * 86_400_000).toISOString();
    const forget = this.db.prepare(
      `UPDATE requests SET contact_name = NULL, contact_phone = NULL, contact_email = NULL,
       change_seq = (SELECT MAX(change_seq) + 1 FROM requests) WHERE id = ?`,
    );
    const forgotten = this.db
      .transaction(() => {
        const ids = this.db
          .prepare(`SELECT id FROM requests WHERE contact_name IS NOT NULL AND created_at < ?`)
          .pluck()
          .all(before) as string[];
        // One row at a time: each change gets its own change_seq for the live feeds.
        for (const id of ids) forget.run(id);
        return ids.length;
      })
      .immediate();
    if (forgotten > 0) this.poke();
    return forgotten;
  }

  /** On a disk that takes no writes the sweep waits for the next turn; health says why. */
  private sweepContacts(): void {
    try {
      this.forgetOldContacts();
    } catch (error) {
      // A full disk, or an import's commit holding the lock: the next sweep tries again.
      if (storageFaultOf(error) === undefined && !isBusy(error)) throw error;
    }
  }

  private maxSeq(): number {
    return this.db
      .prepare('SELECT COALESCE(MAX(change_seq), 0) FROM requests')
      .pluck()
      .get() as number;
  }

  /** Open requests plus those closed in the last `closedHours`, newest first. */
  queue(closedHours = 2): StaffRequest[] {
    const since = new Date(Date.now() - closedHours * 3_600_000).toISOString();
    const rows = this.db
      .prepare(
        `${SELECT} WHERE r.status != 'closed' OR r.updated_at >= ? ORDER BY r.created_at DESC LIMIT 500`,
      )
      .all(since) as Row[];
    return rows.map(toStaffView);
  }

  get(id: string): StaffRequest | undefined {
    const row = this.db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as Row | undefined;
    return row ? toStaffView(row) : undefined;
  }

  /** A device's requests of the last day, for its snapshot. */
  forDevice(deviceId: string): DeviceRequestStatus[] {
    const since = new Date(Date.now() - 86_400_000).toISOString();
    const rows = this.db
      .prepare(`${SELECT} WHERE r.device_id = ? AND r.created_at >= ? ORDER BY r.created_at`)
      .all(deviceId, since) as Row[];
    return rows.map((row) => toDeviceView(toStaffView(row)));
  }

  move(id: string, to: RequestStatus, by: string, expectedVersion?: number): StaffRequest {
    const updated = this.db
      .transaction(() => {
        const current = this.get(id);
        if (!current) throw new HttpError(404, 'unknown_request', `no request ${id}`);
        if (expectedVersion !== undefined && expectedVersion !== current.version) {
          throw new HttpError(
            409,
            'stale_request',
            `request ${id} changed meanwhile (now ${current.status})`,
          );
        }
        if (!canMoveRequest(current.status, to)) {
          throw new HttpError(
            409,
            'invalid_transition',
            `a ${current.status} request cannot become ${to}`,
          );
        }
        this.db
          .prepare(
            `UPDATE requests SET status = ?, version = version + 1, updated_at = ?, updated_by = ?,
             change_seq = (SELECT MAX(change_seq) + 1 FROM requests) WHERE id = ?`,
          )
          .run(to, new Date().toISOString(), by, id);
        return this.get(id);
      })
      .immediate();
    this.poke();
    if (!updated) throw new HttpError(404, 'unknown_request', `no request ${id}`);
    return updated;
  }

  onChange(listener: (changed: StaffRequest[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Looks for changes now (also every pollMs). */
  poke(): void {
    const rows = this.db
      .prepare(`${SELECT} WHERE r.change_seq > ? ORDER BY r.change_seq`)
      .all(this.seen) as Row[];
    const last = rows.at(-1);
    if (!last) return;
    this.seen = last.change_seq;
    const changed = rows.map(toStaffView);
    for (const listener of this.listeners) listener(changed);
  }

  stop(): void {
    clearInterval(this.timer);
    clearInterval(this.contactSweep);
  }
}
