// How link messages travel: JSON bytes under NATS's payload limit, chunks under
// a budget, message ids JetStream de-duplicates on, and our headers.
import type { z } from 'zod';
import { parseUnknown, type Result } from '../parse';
import { LINK_VERSION } from './messages';
import { assertStoreId } from './subjects';

/** The cluster's `max_payload`: no message is larger. */
export const LINK_MAX_PAYLOAD_BYTES = 1024 * 1024;
/** A chunked message's items stay under this, leaving room for its envelope. */
export const LINK_CHUNK_BYTES = 512 * 1024;

export const LINK_HEADERS = {
  /** JetStream drops a second message with the same id inside the stream's duplicate window. */
  msgId: 'Nats-Msg-Id',
  /** The message's revision, readable without parsing the body. */
  rev: 'Vt-Rev',
} as const;

const revision = (rev: number) => {
  if (!Number.isSafeInteger(rev) || rev < 1) throw new RangeError(`not a revision: ${rev}`);
  return rev;
};

/** Msg id of a chain message (HQ_CHAIN): `<type>:<rev>`. */
export function chainMsgId(type: string, rev: number): string {
  return `${type}:${revision(rev)}`;
}

/**
 * Msg id of a message for one store (HQ_STORES): `<store>:<type>:<rev>`. Ids are
 * unique per stream and every store counts its own revisions from 1, so the
 * store is part of the id, or store B's `prices:3` would be dropped as A's.
 */
export function storeMsgId(storeId: string, type: string, rev: number): string {
  return `${assertStoreId(storeId)}:${type}:${revision(rev)}`;
}

/** Msg id of an events batch: `<store>:<firstSeq>-<lastSeq>` of its outbox rows. */
export function eventsMsgId(storeId: string, firstSeq: number, lastSeq: number): string {
  if (lastSeq < firstSeq) throw new RangeError(`events ${firstSeq}-${lastSeq}: last before first`);
  return `${assertStoreId(storeId)}:${revision(firstSeq)}-${revision(lastSeq)}`;
}

/** Msg id of a stock batch: `<store>:stock:<storeSeq>`. */
export function stockMsgId(storeId: string, storeSeq: number): string {
  return storeMsgId(storeId, 'stock', storeSeq);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The bytes of a message, refused (RangeError) if NATS would refuse them. */
export function encodeLinkMessage(message: unknown): Uint8Array {
  const bytes = encoder.encode(JSON.stringify(message));
  if (bytes.length > LINK_MAX_PAYLOAD_BYTES) {
    throw new RangeError(
      `a link message of ${bytes.length} bytes is over the ${LINK_MAX_PAYLOAD_BYTES} limit`,
    );
  }
  return bytes;
}

/**
 * Parses a message that arrived on the link. A peer on another link version is
 * told so plainly, before any field is looked at; anything else that does not
 * fit the schema is refused with what was wrong.
 */
export function parseLinkMessage<S extends z.ZodType>(
  schema: S,
  input: unknown,
): Result<z.infer<S>> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: 'a link message is a JSON object' };
  }
  const version = (input as { v?: unknown }).v;
  if (version !== LINK_VERSION) {
    return {
      ok: false,
      error: `link version ${JSON.stringify(version ?? null)} refused: this side speaks link version ${LINK_VERSION}; upgrade the older side`,
    };
  }
  return parseUnknown(schema, input);
}

/** The same from the bytes of a NATS message. */
export function decodeLinkMessage<S extends z.ZodType>(
  schema: S,
  bytes: Uint8Array,
): Result<z.infer<S>> {
  let data: unknown;
  try {
    data = JSON.parse(decoder.decode(bytes));
  } catch (error) {
    return { ok: false, error: `not UTF-8 JSON: ${(error as Error).message}` };
  }
  return parseLinkMessage(schema, data);
}

/** Bytes of an item's JSON text. */
export const jsonBytes = (item: unknown) => encoder.encode(JSON.stringify(item)).length;

/**
 * Splits items, in order, into the fewest consecutive chunks whose JSON array
 * stays within `budget` bytes each. An item larger than the budget on its own
 * cannot be sent: RangeError, so the caller finds out at HQ, not at NATS.
 */
export function chunkByBytes<T>(
  items: readonly T[],
  budget: number = LINK_CHUNK_BYTES,
  sizeOf: (item: T) => number = jsonBytes,
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let used = 2; // the array's brackets
  for (const item of items) {
    const size = sizeOf(item);
    if (size + 2 > budget) {
      throw new RangeError(`an item of ${size} bytes does not fit a ${budget}-byte chunk`);
    }
    if (current.length > 0 && used + 1 + size > budget) {
      chunks.push(current);
      current = [];
      used = 2;
    }
    used += size + (current.length > 0 ? 1 : 0); // and a comma after the first
    current.push(item);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * The revisions and `atomicUntil` of a change sent as `count` chunks from
 * `firstRev`: every chunk of a multi-chunk change names the last one, so the
 * store applies them together; a single chunk stands alone.
 */
export function chunkRevisions(
  firstRev: number,
  count: number,
): { rev: number; atomicUntil?: number }[] {
  revision(firstRev);
  if (count <= 1) return count === 1 ? [{ rev: firstRev }] : [];
  const last = firstRev + count - 1;
  return Array.from({ length: count }, (_, i) => ({ rev: firstRev + i, atomicUntil: last }));
}
