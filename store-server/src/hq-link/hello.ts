// The store's hello to head office, on every (re)connection: the revisions it holds of each
// stream and its version; head office answers where its heads are, what it will do about each
// stream (its durable catches up, or a snapshot is needed), this store's neighbours, kept
// here for the neighbours' stock that comes later, and its time zone and currency.
import type { NatsConnection } from '@nats-io/transport-node';
import { LINK_VERSION, STREAMS, type LinkReply } from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import { askHq } from './hq-requests';
import type { LinkIntake } from './intake';

/** The store server's version as npm started it; `dev` when run another way. */
const STORE_VERSION = (process.env.npm_package_version ?? 'dev').slice(0, 32);
/** A hello not answered (head office starting, no responder yet) is said again after this. */
const RETRY_MS = 30_000;

export class HqHello {
  private last: LinkReply<'hello'> | undefined;
  private sending: Promise<void> = Promise.resolve();
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly storeId: string,
    private readonly intake: Pick<LinkIntake, 'held'>,
    private readonly log: Logger,
    /** Told the store's time zone and currency as head office keeps them, at each answer. */
    private readonly onStoreRecord?: (store: { timeZone: string; currency: string }) => void,
  ) {}

  /** Head office's last answer (its heads, decisions and this store's neighbours). */
  reply(): LinkReply<'hello'> | undefined {
    return this.last;
  }

  /** Says hello (one at a time: a reconnection during a hello waits for it). */
  send(nc: NatsConnection): Promise<void> {
    clearTimeout(this.retry);
    this.sending = this.sending.then(() => this.sendNow(nc));
    return this.sending;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retry);
  }

  private async sendNow(nc: NatsConnection): Promise<void> {
    const checkpoints = {
      chain: this.intake.held(STREAMS.hqChain),
      store: this.intake.held(STREAMS.hqStores),
    };
    const reply = await askHq(nc, this.storeId, 'hello', {
      v: LINK_VERSION,
      type: 'hello',
      checkpoints,
      version: STORE_VERSION,
    });
    if (!reply.ok) {
      this.log.warn({ checkpoints, error: reply.error }, 'head office link: hello not answered');
      if (!this.closed && !nc.isClosed())
        this.retry = setTimeout(() => void this.send(nc), RETRY_MS);
      return;
    }
    this.last = reply.value;
    if (reply.value.store) {
      try {
        this.onStoreRecord?.(reply.value.store);
      } catch (error) {
        this.log.error(
          { err: String(error) },
          "head office link: could not keep the store's record",
        );
      }
    }
    const { decisions, heads, neighbours } = reply.value;
    const line = { checkpoints, heads, decisions, neighbours };
    if (decisions.chain === 'snapshot' || decisions.store === 'snapshot')
      this.log.warn(line, 'head office link: hello answered, a fresh snapshot is needed');
    else this.log.info(line, 'head office link: hello answered');
  }
}
