// One loop for every shared durable head office pulls (events, fleet, stock; plan §3.5): every
// head-office process fetches from the same durable, each message is handled (in its own
// transaction) and acknowledged only after COMMIT. When the handler says the database failed, it
// has handed that message back (nak), and the rest of the fetch goes back with it: it comes back
// later, here or at another process. The loop survives node failures, lost connections and
// database outages; a lost ack only means a redelivery, which the handlers absorb.
import type { Consumer, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@vitrine/shared/node';
import { JETSTREAM_TIMEOUT_MS } from './connection';

const FETCH_MESSAGES = 50;
/** The server's minimum; a short wait keeps an idle process answering stop() quickly. */
const FETCH_EXPIRES_MS = 1_000;
/** A fetch that has not ended this long after its expiry is stopped (a node died under it). */
const FETCH_DEADLINE_MS = FETCH_EXPIRES_MS + JETSTREAM_TIMEOUT_MS;
/** How long a message the database refused waits before it is delivered again. */
export const NAK_DELAY_MS = 2_000;
const PAUSE = { firstMs: 250, maxMs: 5_000 };

/** `retry`: the database failed and the handler nak'ed the message. */
export type PullOutcome = 'done' | 'retry';

export type DurablePull = { stop: () => Promise<void> };

/** Acknowledges after COMMIT; an ack that is not confirmed only means a redelivery. */
export async function acknowledge(msg: JsMsg, log: Logger, what: string): Promise<void> {
  await msg.ackAck({ timeout: JETSTREAM_TIMEOUT_MS }).catch((error: unknown) => {
    log.warn({ err: (error as Error).message }, `${what}: ack unconfirmed; a resend is absorbed`);
  });
}

/** Errors of the data, not of the database: SQLSTATE classes 22 (data) and 23 (constraint). */
export const isDataError = (error: unknown) =>
  /^2[23]/.test((error as { code?: string }).code ?? '');

/** One fetch: its messages handled in order. Resolves with whether the database failed. */
async function fetchOnce(consumer: Consumer, handle: (msg: JsMsg) => Promise<PullOutcome>) {
  const messages = await consumer.fetch({
    max_messages: FETCH_MESSAGES,
    expires: FETCH_EXPIRES_MS,
  });
  const deadline = setTimeout(() => void messages.stop(), FETCH_DEADLINE_MS);
  let databaseDown = false;
  try {
    for await (const msg of messages) {
      if (databaseDown)
        msg.nak(NAK_DELAY_MS); // no use trying the rest of this fetch now
      else databaseDown = (await handle(msg)) === 'retry';
    }
  } finally {
    clearTimeout(deadline);
  }
  return databaseDown;
}

/** Starts pulling `durable` on `stream` at once, until stop(). `what` names it in the logs. */
export function startDurablePull(
  js: JetStreamClient,
  options: {
    stream: string;
    durable: string;
    what: string;
    log: Logger;
    handle: (msg: JsMsg) => Promise<PullOutcome>;
  },
): DurablePull {
  const { stream, durable, what, log, handle } = options;
  let stopped = false;
  const run = async () => {
    let wait = PAUSE.firstMs;
    let consumer: Consumer | undefined;
    let lastError = '';
    while (!stopped) {
      try {
        consumer ??= await js.consumers.get(stream, durable);
        if (!(await fetchOnce(consumer, handle))) {
          wait = PAUSE.firstMs;
          lastError = '';
          continue;
        }
      } catch (error) {
        const message = (error as Error).message;
        if (message !== lastError) log.warn({ err: message }, `${what}: pull failed, retrying`);
        lastError = message;
        consumer = undefined; // look it up again: its leader may have moved
      }
      await sleep(wait);
      wait = Math.min(wait * 2, PAUSE.maxMs);
    }
  };
  const running = run();
  return {
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}
