// Head office answers the stores' requests (core NATS, `vt.st.<id>.req.<kind>`): every process
// subscribes in the queue group `hq`, so one answers each request. The store is the subject's
// token, never a field of the body (the store's permissions bind its subjects). Every request
// gets an answer, the contract's reply or a LinkErrorReply: never silence, never a crash.
import type { JetStreamManager } from '@nats-io/jetstream';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import {
  ALL_STORE_REQUESTS,
  decodeLinkMessage,
  encodeLinkMessage,
  HQ_REQUEST_QUEUE,
  LINK_REQUESTS,
  LINK_VERSION,
  parseStoreSubject,
  type LinkErrorReply,
  type LinkRequestKind,
} from '@vitrine/shared/core';
import { HttpError, type Logger } from '@vitrine/shared/node';
import type { Pool } from '../db/pool';
import type { NatsConfig } from '../stores/nats-config';
import { wantSnapshot } from '../catalogue/snapshots-role';
import { answerHello } from './answer-hello';
import { answerRotate } from './answer-rotate';
import { resyncDecision, heldRevisions } from './held-revisions';
import { recordRefusal } from './link-refusals';
import { answerStockCatchUp } from '../stock/answer-catch-up';
import { LinkRequestError } from './request-error';

type RequestStats = { answered: number; errors: number; refusals: number };

export type StoreRequests = { stats: RequestStats; stop: () => Promise<void> };

export type StoreRequestDeps = {
  nc: NatsConnection;
  jsm: JetStreamManager;
  pool: Pool;
  natsConfig: NatsConfig | undefined;
  log: Logger;
};

const errorReply = (error: string): LinkErrorReply => ({
  v: LINK_VERSION,
  type: 'error',
  error: error.slice(0, 1_000),
});

/** The store must be known and active; seeing it is also its last contact. */
async function activeStore(pool: Pool, storeId: string): Promise<void> {
  const result = await pool.query<{ status: string }>(
    'UPDATE stores SET last_seen_at = now() WHERE id = $1 RETURNING status',
    [storeId],
  );
  const status = result.rows[0]?.status;
  if (!status) throw new LinkRequestError(`no store ${storeId} at head office`);
  if (status !== 'active')
    throw new LinkRequestError(`store ${storeId} is revoked at head office: enrol it again`);
}

export function answerStoreRequests(deps: StoreRequestDeps): StoreRequests {
  const { nc, pool, log } = deps;
  const stats: RequestStats = { answered: 0, errors: 0, refusals: 0 };
  const inFlight = new Set<Promise<void>>();

  const answer = async (storeId: string, kind: LinkRequestKind, data: Uint8Array) => {
    const parsed = decodeLinkMessage(LINK_REQUESTS[kind].request, data);
    if (!parsed.ok) throw new LinkRequestError(`the ${kind} request: ${parsed.error}`);
    await activeStore(pool, storeId);
    const request = parsed.value;
    switch (request.type) {
      case 'hello':
        return answerHello(deps, storeId, request);
      case 'resync': {
        const decision = resyncDecision(
          request.held,
          await heldRevisions(pool, deps.jsm, request.stream, storeId),
        );
        const line = {
          store: storeId,
          stream: request.stream,
          held: request.held,
          got: request.got,
        };
        if (decision === 'snapshot')
          log.warn(
            { ...line, decision, wanted: await wantSnapshot(pool, storeId) },
            `store ${storeId} is past the stream's history: a fresh snapshot is wanted`,
          );
        else log.info({ ...line, decision }, 'store asked to resync: its durable will catch up');
        return { v: LINK_VERSION, type: 'resync', decision } as const;
      }
      case 'refused': {
        const id = await recordRefusal(pool, { storeId, ...request });
        stats.refusals++;
        log.warn(
          {
            store: storeId,
            subject: request.subject,
            rev: request.rev,
            reason: request.reason,
            id,
          },
          'a store refused a message from head office',
        );
        return { v: LINK_VERSION, type: 'refused', recorded: true } as const;
      }
      case 'rotate':
        return answerRotate(deps, storeId, request);
      case 'stock-catch-up':
        return answerStockCatchUp(pool, storeId, request);
    }
  };

  const handle = async (msg: Msg) => {
    const subject = parseStoreSubject(msg.subject);
    if (!subject || !subject.kind.startsWith('req.')) {
      log.warn({ subject: msg.subject }, 'link request on a subject no store owns: refused');
      msg.respond(encodeLinkMessage(errorReply(`${msg.subject} is not a store's request subject`)));
      return;
    }
    const { storeId } = subject;
    const kind = subject.kind.slice('req.'.length) as LinkRequestKind;
    let reply: unknown;
    try {
      reply = await answer(storeId, kind, msg.data);
      stats.answered++;
    } catch (error) {
      stats.errors++;
      const known = error instanceof LinkRequestError || error instanceof HttpError;
      const text = known ? error.message : 'head office could not answer now: try again later';
      log.warn(
        { store: storeId, kind, err: (error as Error).message },
        'link request refused with an error reply',
      );
      reply = errorReply(text);
    }
    msg.respond(encodeLinkMessage(reply));
  };

  const subscription: Subscription = nc.subscribe(ALL_STORE_REQUESTS, {
    queue: HQ_REQUEST_QUEUE,
    callback: (error, msg) => {
      if (error) {
        log.error({ err: error.message }, 'link requests: subscription failed');
        return;
      }
      const running = handle(msg).catch((failure: unknown) =>
        log.error({ err: (failure as Error).message }, 'link request: no answer sent'),
      );
      inFlight.add(running);
      void running.finally(() => inFlight.delete(running));
    },
  });
  log.info({ subject: ALL_STORE_REQUESTS, queue: HQ_REQUEST_QUEUE }, 'answering stores’ requests');

  return {
    stats,
    stop: async () => {
      subscription.unsubscribe();
      await Promise.all(inFlight);
    },
  };
}
