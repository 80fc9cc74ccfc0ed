// Device events as a store sends them to head office, for head office's own tests: UUIDv7 ids
// whose time is the one asked, and EVENTS batches around them.
import { randomBytes } from 'node:crypto';
import { encodeLinkMessage, type ChainEvent } from '@vitrine/shared/core';

/** A UUIDv7 whose timestamp is `time`. */
export function uuidV7(time: number): string {
  const hex = time.toString(16).padStart(12, '0') + randomBytes(10).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

let seq = 0;

/** One stored-event item: `kind` and `payload` as given, at `time` (id and `at` agree). */
export function storeEvent<K extends ChainEvent['kind']>(
  kind: K,
  payload: Extract<ChainEvent, { kind: K }>['payload'],
  time: number,
  deviceId = 'kiosk-1',
) {
  return {
    deviceId,
    event: { id: uuidV7(time), seq: ++seq, kind, at: new Date(time).toISOString(), payload },
  };
}

/** An EVENTS message; a resend under a new message id is the same items with other seqs. */
export const eventsBatch = (events: unknown[], firstSeq = 1) =>
  encodeLinkMessage({
    v: 1,
    type: 'events',
    firstSeq,
    lastSeq: firstSeq + events.length - 1,
    events,
  });
