// The shopper's contact on a reservation crosses the device boundary through
// the event schema: a valid one is stored with the request for staff, a bad one
// is refused by name and creates no request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { provisionDevice } from '../support/node-device';
import { startTestServer } from '../support/test-server';
import { call, signIn } from './staff-helpers';

let server: StoreServer;
let deviceId: string;
let seq = 0;

beforeAll(async () => {
  server = await startTestServer();
  deviceId = provisionDevice(server, 'kiosk').deviceId;
});
afterAll(async () => {
  await server?.close();
});

function send(id: string, contact: unknown, type = 'reservation') {
  const event = {
    id,
    seq: ++seq,
    at: new Date().toISOString(),
    kind: 'request',
    payload: { type, productId: 'p-contact', contact },
  };
  const before = server.ingestor.stats.rejected;
  server.ingestor.accept(
    deviceId,
    Buffer.from(JSON.stringify({ v: 1, type: 'events', events: [event] })),
  );
  server.ingestor.flush();
  return server.ingestor.stats.rejected - before;
}

describe('reservation contact', () => {
  it('stores a valid contact with the request, where staff see it', async () => {
    const id = '01900000-0000-7000-8000-000000000001';
    expect(send(id, { name: 'Camille Martin', email: 'camille@example.fr', consent: true })).toBe(
      0,
    );
    const staff = await signIn(server, 'staff');
    const answer = await call(server, apiRoutes.requests.queue, { token: staff });
    const requests = answer.body.requests as { id: string; contact: unknown }[];
    expect(requests.find((r) => r.id === id)?.contact).toEqual({
      name: 'Camille Martin',
      phone: null,
      email: 'camille@example.fr',
    });
    // Kept in one place only, the request: the stored event has no copy to forget.
    const payload = server.db.prepare('SELECT payload FROM events WHERE id = ?').pluck().get(id);
    expect(payload).not.toContain('camille');
  });

  it.each([
    ['no phone nor e-mail', { name: 'Camille', consent: true }],
    ['a bad e-mail', { name: 'Camille', email: 'camille@', consent: true }],
    ['a bad phone', { name: 'Camille', phone: '12', consent: true }],
    ['no consent', { name: 'Camille', phone: '0612345678', consent: false }],
    ['no name', { name: ' ', phone: '0612345678', consent: true }],
    ['a help request (a contact is only for reservations and orders)', 'help'],
  ])('refuses a contact with %s, and creates no request', (_, contact) => {
    const id = `01900000-0000-7000-8000-0000000000${String(10 + seq).padStart(2, '0')}`;
    const valid = { name: 'Camille', phone: '0612345678', consent: true };
    expect(contact === 'help' ? send(id, valid, 'help') : send(id, contact)).toBe(1);
    expect(server.db.prepare('SELECT COUNT(*) FROM requests WHERE id = ?').pluck().get(id)).toBe(0);
  });
});
