// Writing a link message into the outbox, inside the caller's transaction: the change and its
// message commit together, or neither does. The publisher adds `v`, `rev` and `atomicUntil`.
import type { PoolClient } from 'pg';
import {
  encodeLinkMessage,
  hqChainSubject,
  hqStoreSubject,
  isStoreId,
  HqChainMessage,
  HqStoreMessage,
  LINK_VERSION,
  linkHeadKey,
  parseLinkMessage,
  STREAMS,
} from '@vitrine/shared/core';
import { LOCK_SPACE } from '../db/advisory-locks';

/** A link message as the caller writes it: the publisher numbers it. */
type Unnumbered<T> = T extends unknown ? Omit<T, 'v' | 'rev' | 'atomicUntil'> : never;
type ChainMessageBody = Unnumbered<HqChainMessage>;
type StoreMessageBody = Unnumbered<HqStoreMessage>;

/**
 * One change for one head: a message, or the chunks of one change (sent under consecutive
 * revisions, each naming the last, so the store applies them together).
 */
export type OutboxChange =
  | { to: 'chain'; messages: ChainMessageBody[] }
  | { to: 'store'; storeId: string; messages: StoreMessageBody[] };

export class OutboxRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboxRefusedError';
  }
}

type Row = {
  stream: string;
  head: string;
  subject: string;
  kind: string;
  body: unknown;
  chunksLeft: number | null;
};

// The largest revision a message could get: the size check holds for every revision.
const LARGEST_REV = Number.MAX_SAFE_INTEGER;

/** Checks one message as the store will parse it; a bad one is refused here, not at the store. */
function checked(change: OutboxChange, body: ChainMessageBody | StoreMessageBody, left: number) {
  const numbered = {
    ...body,
    v: LINK_VERSION,
    rev: LARGEST_REV - left,
    ...(change.messages.length > 1 ? { atomicUntil: LARGEST_REV } : {}),
  };
  const schema = change.to === 'chain' ? HqChainMessage : HqStoreMessage;
  const parsed = parseLinkMessage(schema, numbered);
  if (!parsed.ok) throw new OutboxRefusedError(`not a valid ${body.type} message: ${parsed.error}`);
  try {
    encodeLinkMessage(numbered);
  } catch (error) {
    throw new OutboxRefusedError((error as Error).message);
  }
}

function rowsOf(change: OutboxChange): Row[] {
  if (change.messages.length === 0) throw new OutboxRefusedError('a change with no message');
  if (change.to === 'store' && !isStoreId(change.storeId))
    throw new OutboxRefusedError(`not a store id: ${JSON.stringify(change.storeId)}`);
  const chunked = change.messages.length > 1;
  return change.messages.map((body, index) => {
    const left = change.messages.length - 1 - index;
    checked(change, body, left);
    if (change.to === 'chain') {
      const kind = (body as ChainMessageBody).type;
      return {
        stream: STREAMS.hqChain,
        head: linkHeadKey('chain'),
        subject: hqChainSubject(kind),
        kind,
        body,
        chunksLeft: chunked ? left : null,
      };
    }
    const kind = (body as StoreMessageBody).type;
    return {
      stream: STREAMS.hqStores,
      head: linkHeadKey('store', change.storeId),
      subject: hqStoreSubject(change.storeId, kind),
      kind,
      body,
      chunksLeft: chunked ? left : null,
    };
  });
}

/**
 * Adds the changes' messages to the outbox; `client` must be inside a transaction (BEGIN … COMMIT),
 * the one that makes the change. Each head is locked until that transaction ends, so within a
 * head ids follow commit order and a change's chunks are consecutive: the publisher numbers the
 * rows of a head in id order and never sees a smaller id commit after a larger one. Heads are
 * locked in one sorted order, so two writers never wait on each other in a circle.
 * Answers the new rows' ids, in order.
 */
export async function enqueue(client: PoolClient, changes: OutboxChange[]): Promise<string[]> {
  const rows = changes.flatMap(rowsOf);
  const heads = [...new Set(rows.map((row) => row.head))].sort();
  for (const head of heads) {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      LOCK_SPACE.outboxHeads,
      head,
    ]);
  }
  if (rows.length === 0) return [];
  // One statement for every row: ids are handed out in the order of the arrays.
  const result = await client.query<{ id: string }>(
    `INSERT INTO link_outbox (stream, head, subject, kind, body, chunks_left)
     SELECT stream, head, subject, kind, body, chunks_left FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::int[])
       WITH ORDINALITY AS r(stream, head, subject, kind, body, chunks_left, n)
     ORDER BY n
     RETURNING id`,
    [
      rows.map((row) => row.stream),
      rows.map((row) => row.head),
      rows.map((row) => row.subject),
      rows.map((row) => row.kind),
      rows.map((row) => JSON.stringify(row.body)),
      rows.map((row) => row.chunksLeft),
    ],
  );
  return result.rows.map((row) => row.id);
}
