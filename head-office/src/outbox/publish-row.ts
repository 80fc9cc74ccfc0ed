// One outbox row on the link: its message numbered with the row's stored revision, the id
// JetStream de-duplicates on, and the revision header. The same row always makes the same bytes,
// so a resend after a crash is dropped by JetStream (inside its window) or by the store (rev ≤ held).
import type { JetStreamClient, PubAck } from '@nats-io/jetstream';
import { headers } from '@nats-io/nats-core';
import {
  chainMsgId,
  encodeLinkMessage,
  LINK_HEADERS,
  LINK_VERSION,
  storeMsgId,
  STREAMS,
} from '@vitrine/shared/core';
import type { NumberedRow } from './outbox-rows';

const STORE_HEAD = /^store:(.+)$/;

/** The message as the store receives it. */
function numberedMessage(row: NumberedRow): Record<string, unknown> {
  return {
    ...row.body,
    v: LINK_VERSION,
    rev: row.rev,
    ...(row.chunksLeft === null ? {} : { atomicUntil: row.rev + row.chunksLeft }),
  };
}

function rowMsgId(row: NumberedRow): string {
  if (row.stream === STREAMS.hqChain) return chainMsgId(row.kind, row.rev);
  const storeId = STORE_HEAD.exec(row.head)?.[1];
  if (storeId === undefined) throw new Error(`outbox row ${row.id}: head ${row.head} is no store`);
  return storeMsgId(storeId, row.kind, row.rev);
}

/** Publishes and resolves with JetStream's PubAck (`duplicate` when it held that id already). */
export function publishRow(
  js: JetStreamClient,
  row: NumberedRow,
  timeoutMs: number,
): Promise<PubAck> {
  const header = headers();
  header.set(LINK_HEADERS.rev, String(row.rev));
  return js.publish(row.subject, encodeLinkMessage(numberedMessage(row)), {
    msgID: rowMsgId(row),
    headers: header,
    timeout: timeoutMs,
    // Refused, not misfiled, if the subject were ever claimed by another stream.
    expect: { streamName: row.stream },
  });
}
