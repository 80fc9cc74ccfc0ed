// Pulls what head office sends this store, from its two durables (HQ_CHAIN, HQ_STORES), and
// hands each message to the intake. A message is acknowledged only once the intake has
// committed it (or found it already applied, held its chunk, or refused it for good); a gap is
// not acknowledged, and head office is asked to resync. Every JetStream call has a deadline:
// on server 2.9 a pull refused by permissions hangs instead of failing.
import type { ConsumerMessages, JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  backoff,
  CHECKPOINT_KEYS,
  LINK_VERSION,
  pause,
  STREAMS,
  storeDurable,
} from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import { askHq } from './hq-requests';
import type { IntakeOutcome, LinkIntake, LinkStream } from './intake';

/** What the pull hands messages to: the intake (intake.ts), one message at a time. */
type Intake = Pick<LinkIntake, 'receive' | 'held'>;

const FETCH = { max_messages: 100, expires: 5_000 };
const DEADLINE_MS = 15_000;
const RETRY = { firstMs: 500, maxMs: 30_000, floorMs: 250 };
/** A message not taken yet (the database busy, a gap) comes back after this. */
const REDELIVER_MS = 5_000;
/** A quarter of the store durables' ack wait (LINK_RETENTION.storeAckWaitMs, 20 s). */
const WORKING_EVERY_MS = 5_000;

export class HqPull {
  private readonly stop = new AbortController();
  private loops: Promise<void>[] = [];
  /** The fetches under way, closed at once when the pull stops. */
  private readonly fetching = new Set<ConsumerMessages>();
  readonly stats = { applied: 0, duplicates: 0, held: 0, gaps: 0, refused: 0 };

  constructor(
    private readonly storeId: string,
    private readonly connection: () => { nc: NatsConnection; js: JetStreamClient } | null,
    private readonly intake: Intake,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.loops.length === 0)
      this.loops = [this.loop(STREAMS.hqChain), this.loop(STREAMS.hqStores)];
  }

  async close(): Promise<void> {
    this.stop.abort();
    for (const messages of this.fetching) void messages.close();
    await Promise.all(this.loops);
  }

  private async loop(stream: LinkStream): Promise<void> {
    const waits = backoff(RETRY);
    while (!this.stop.signal.aborted) {
      const link = this.connection();
      if (!link) {
        await pause(500, this.stop.signal);
        continue;
      }
      try {
        await this.pullOnce(link, stream);
        waits.reset();
      } catch (error) {
        this.log.warn({ stream, error: String(error) }, 'head office link: pull failed, retrying');
        await pause(waits.next(), this.stop.signal);
      }
    }
  }

  private async pullOnce(
    link: { nc: NatsConnection; js: JetStreamClient },
    stream: LinkStream,
  ): Promise<void> {
    const consumer = await withDeadline(
      link.js.consumers.get(stream, storeDurable(this.storeId)),
      DEADLINE_MS,
    );
    const messages = await withDeadline(consumer.fetch(FETCH), DEADLINE_MS);
    // The fetch ends by itself after FETCH.expires; one that says nothing for much longer is
    // stuck (a refused pull), and is stopped so the loop can try again.
    let heard = Date.now();
    const watchdog = setInterval(() => {
      if (Date.now() - heard > FETCH.expires + DEADLINE_MS) void messages.close();
    }, 1_000);
    this.fetching.add(messages);
    try {
      await this.take(link, stream, messages, () => (heard = Date.now()));
    } finally {
      clearInterval(watchdog);
      this.fetching.delete(messages);
    }
  }

  private async take(
    link: { nc: NatsConnection; js: JetStreamClient },
    stream: LinkStream,
    messages: ConsumerMessages,
    onMessage: () => void,
  ): Promise<void> {
    // Once the database refuses one message, the rest of this fetch comes back later, in order.
    let blocked = false;
    for await (const message of messages) {
      onMessage();
      if (blocked) {
        message.nak(REDELIVER_MS);
        continue;
      }
      let result: IntakeOutcome;
      // A campaign's media may take longer than the durable's ack wait (20 s) to fetch: say
      // it is still being worked on, or JetStream hands it out again meanwhile.
      const keepAlive = setInterval(() => message.working(), WORKING_EVERY_MS);
      try {
        result = await this.intake.receive(stream, message.data);
      } catch (error) {
        // The database refused (an import holds it, the disk is full), or a media file could not
        // be fetched yet: nothing was applied.
        message.nak(REDELIVER_MS);
        this.log.warn({ stream, error: String(error) }, 'head office link: cannot apply yet');
        blocked = true;
        continue;
      } finally {
        clearInterval(keepAlive);
      }
      if (result.outcome === 'gap') {
        this.stats.gaps++;
        // The missing revision may be next in this very fetch: go on, this one comes back.
        message.nak(REDELIVER_MS);
        await this.askResync(link.nc, stream, result);
        continue;
      }
      message.ack();
      if (result.outcome === 'applied') this.stats.applied++;
      else if (result.outcome === 'duplicate') this.stats.duplicates++;
      else if (result.outcome === 'held') this.stats.held++;
      else {
        this.stats.refused++;
        await this.reportRefusal(link.nc, message.subject, result);
      }
    }
  }

  private async askResync(nc: NatsConnection, stream: LinkStream, gap: IntakeOutcome) {
    const reply = await askHq(nc, this.storeId, 'resync', {
      v: LINK_VERSION,
      type: 'resync',
      stream: CHECKPOINT_KEYS[stream],
      held: this.intake.held(stream),
      got: gap.rev ?? 0,
    });
    this.log.warn(
      {
        stream,
        held: this.intake.held(stream),
        got: gap.rev,
        reply: reply.ok ? reply.value.decision : reply.error,
      },
      'head office link: a revision is missing, asked head office to resync',
    );
  }

  private async reportRefusal(nc: NatsConnection, subject: string, refused: IntakeOutcome) {
    const reason = refused.reason ?? 'refused';
    this.log.error({ subject, rev: refused.rev, reason }, 'head office link: refused a message');
    const reply = await askHq(nc, this.storeId, 'refused', {
      v: LINK_VERSION,
      type: 'refused',
      subject,
      ...(refused.rev === undefined ? {} : { rev: refused.rev }),
      reason: reason.slice(0, 1_000),
    });
    if (!reply.ok) this.log.warn({ error: reply.error }, 'head office link: refusal not reported');
  }
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from head office in ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
