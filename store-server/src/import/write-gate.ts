// While an import's worker holds the store database's write lock (its apply,
// one transaction of 200,000 documents), a write on the server's own
// connection could not go through: better-sqlite3 would wait for it with the
// event loop stopped, then fail. The gate holds such writes back instead: an
// HTTP write or a device message that arrives meanwhile waits, in order, and
// runs once the import has committed (or failed). Reads go on meanwhile: WAL
// shows them the catalogue as it was until the commit. Every MQTT message the
// server handles goes through it too (gatedLink): an expert's presence or a
// sizing station's measure writes as well. A held device event is safe from a
// kill: devices resend until the server's own ack, sent after the write.
import type { BrokerLink } from '../broker/broker-link';
import type { Db } from '../db/database';

export class WriteGate {
  private waiting: (() => void)[] | undefined;
  private busyTimeout = 0;

  constructor(
    private readonly db?: Db,
    /** Hears of a held write that threw when it ran: the others still run. */
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  get held(): boolean {
    return this.waiting !== undefined;
  }

  /**
   * Holds writes back until release. A write that slips past (a timer of its
   * own) meets the lock at once and fails as busy (HTTP 503), not after seconds
   * of a stopped event loop.
   */
  hold(): void {
    if (this.waiting) return;
    this.waiting = [];
    if (this.db) {
      this.busyTimeout = this.db.pragma('busy_timeout', { simple: true }) as number;
      this.db.pragma('busy_timeout = 0');
    }
  }

  /** Lets the writes held back run, in the order they came. */
  release(): void {
    const waiting = this.waiting;
    if (!waiting) return;
    this.waiting = undefined;
    if (this.db?.open) this.db.pragma(`busy_timeout = ${this.busyTimeout}`);
    for (const run of waiting) {
      try {
        run();
      } catch (error) {
        this.onError(error);
      }
    }
  }

  /** The link as the server's message handlers see it: each message waits for the gate. */
  gatedLink(link: BrokerLink): BrokerLink {
    return {
      ...link,
      onMessage: (handler) =>
        link.onMessage((topic, payload) => this.run(() => handler(topic, payload))),
    };
  }

  /** Runs a write now, or once the gate is released. */
  run(write: () => void): void {
    if (this.waiting) this.waiting.push(write);
    else write();
  }
}
