// The store's requests to head office on core NATS (`vt.st.<id>.req.<kind>`), typed from the
// contract's table; HQ reads the store from the subject. A reply that does not parse, HQ's
// refusal and no answer at all all come back as `{ ok: false, error }`, never a throw.
import type { NatsConnection } from '@nats-io/transport-node';
import {
  decodeLinkMessage,
  encodeLinkMessage,
  linkReplySchema,
  storeSubjects,
  type LinkReply,
  type LinkRequest,
  type LinkRequestKind,
  type Result,
} from '@vitrine/shared/core';

const REQUEST_TIMEOUT_MS = 10_000;

// Each request on its own inbox subscription (noMux), not the connection's shared one: on the
// 3-node cluster, after a reconnection caused by a users-file reload (a key rotation), the
// replies to a subscription that existed before the reconnection stopped arriving (measured in
// e2e/chain/link-requests.test.ts), while fresh subscriptions worked. Requests are rare.

export async function askHq<K extends LinkRequestKind>(
  nc: NatsConnection,
  storeId: string,
  kind: K,
  request: LinkRequest<K>,
): Promise<Result<LinkReply<K>>> {
  try {
    const reply = await nc.request(storeSubjects(storeId).req[kind], encodeLinkMessage(request), {
      timeout: REQUEST_TIMEOUT_MS,
      noMux: true,
    });
    const parsed = decodeLinkMessage(linkReplySchema(kind), reply.data);
    if (!parsed.ok) return { ok: false, error: `head office's ${kind} reply: ${parsed.error}` };
    const answer = parsed.value as LinkReply<K> | { type: 'error'; error: string };
    if (answer.type === 'error') return { ok: false, error: answer.error };
    return { ok: true, value: answer };
  } catch (error) {
    return {
      ok: false,
      error: `${kind}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
