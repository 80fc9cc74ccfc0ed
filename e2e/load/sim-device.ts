// A light simulated screen speaking a real device's wire contract (shared/src/core; the real
// client is shared/src/client), without Dexie: a thousand of them fit in a few processes.
// - MQTT (mqtt.js) to its store's broker with its own credential, on the real topics: the sync
//   topic (changes applied when they follow the checkpoint, anything else → a pull), its acks,
//   a retained birth and a Last Will, as device-link.ts does.
// - Sync pages over HTTP (`sync.pull`) when poked or on a gap, pages of an atomic batch held
//   until the batch ends, as replicator.ts does. Only revisions are kept, plus what it shows.
// - Campaigns verified with `verifySignedCampaign` and shown only if `contendersAt` picks them.
// - Events through an outbox that deletes an event only on the store's ack and resends what
//   stays unacked, as outbox.ts does; what the store acked is kept as this device's ledger.
import mqtt, { type MqttClient } from 'mqtt';
import { v7 as uuidv7 } from 'uuid';
import {
  apiRoutes,
  callRoute,
  contendersAt,
  decideSync,
  deviceBearer,
  EventAck,
  isWithdrawal,
  MAX_EVENTS_PER_BATCH,
  parseJson,
  ProductStock,
  PROTOCOL_VERSION,
  SyncMessage,
  topics,
  unitsOfVariant,
  verifySignedCampaign,
  type Campaign,
  type DeviceEvent,
  type SyncDoc,
  type TrustAnchor,
} from '@vitrine/shared/core';
import type { DeviceLedger, DeviceSpec, Seen, StockWatch } from './worker-protocol';

/** As shared/src/client/outbox.ts: an event published this long ago without an ack goes again. */
const RESEND_AFTER_MS = 10_000;
const PAGE_LIMIT = 2_000;
/** A page not answered by then is asked again: one hung request must not stall every later pull. */
const PAGE_TIMEOUT_MS = 10_000;
const PULL_RETRY_MS = 1_000;

export const nowMs = () => performance.timeOrigin + performance.now();

type Pending = { event: DeviceEvent; sentAt: number | null };

export type SimDeviceOptions = {
  spec: DeviceSpec;
  anchor: TrustAnchor;
  timeZone: string;
  watch: StockWatch;
  report: (seen: Seen) => void;
};

export class SimDevice {
  private client: MqttClient | null = null;
  private checkpoint = 0;
  private pulling: Promise<void> | null = null;
  private pullAgain = false;
  /** Live changes and pages are applied one after the other, never interleaved. */
  private applying: Promise<unknown> = Promise.resolve();
  /** Verified campaigns held, by id. */
  private readonly campaigns = new Map<string, Campaign>();
  /** The campaign revision last reported as shown, by id. */
  private readonly shown = new Map<string, number>();
  private figure: number | undefined;
  private seq = 0;
  private readonly outbox = new Map<string, Pending>();
  private readonly acked: string[] = [];
  private rejected = 0;
  private resent = 0;
  private eventTimer: NodeJS.Timeout | null = null;
  private resendTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: SimDeviceOptions) {}

  get id(): string {
    return this.options.spec.deviceId;
  }

  private transport() {
    const { spec } = this.options;
    return { baseUrl: spec.baseUrl, authorization: () => deviceBearer(spec) };
  }

  /** Connects, subscribes, says it is born, and pulls its first copy. */
  async start(): Promise<void> {
    const { spec } = this.options;
    const statusTopic = topics.status(spec.storeId, spec.deviceId);
    const status = (type: 'birth' | 'death') =>
      JSON.stringify(
        type === 'birth'
          ? {
              ...{ v: PROTOCOL_VERSION, type, session: 1, app: 'signage', version: 'loadtest' },
              ...{ showing: 'loadtest', at: new Date().toISOString() },
            }
          : { v: PROTOCOL_VERSION, type, session: 1 },
      );
    const client = mqtt.connect(spec.mqttUrl, {
      clientId: spec.deviceId,
      username: spec.deviceId,
      password: spec.secret,
      protocolVersion: 4,
      clean: true,
      keepalive: 15,
      connectTimeout: 10_000,
      reconnectPeriod: 1_000,
      will: { topic: statusTopic, payload: Buffer.from(status('death')), qos: 1, retain: true },
    });
    this.client = client;
    client.on('message', (topic, payload) => this.onMessage(topic, payload));
    const connected = new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', reject);
    });
    client.on('connect', () => {
      void client
        .subscribeAsync([topics.sync(spec.storeId), topics.acks(spec.storeId, spec.deviceId)], {
          qos: 1,
        })
        .then(() => {
          client.publish(statusTopic, status('birth'), { qos: 1, retain: true });
          this.flush(true);
          return this.pull();
        })
        .catch(() => undefined); // the next poke pulls again
    });
    await connected;
    await this.pull();
    this.resendTimer = setInterval(() => this.flush(false), RESEND_AFTER_MS);
  }

  private onMessage(topic: string, payload: Buffer): void {
    const { spec } = this.options;
    const text = payload.toString('utf8');
    if (topic === topics.sync(spec.storeId)) {
      const message = parseJson(SyncMessage, text);
      if (!message.ok) return;
      const decision = decideSync(this.checkpoint, message.value);
      if (decision === 'pull') void this.pull().catch(() => undefined);
      else if (decision === 'apply' && message.value.type === 'changes') {
        const { docs, fromRev, toRev } = message.value;
        void this.enqueue(async () => {
          // A page may have moved the checkpoint meanwhile: apply only what still follows.
          if (this.checkpoint !== fromRev) {
            if (toRev > this.checkpoint) void this.pull().catch(() => undefined);
            return;
          }
          await this.applyDocs(docs);
          this.checkpoint = toRev;
        });
      }
    } else if (topic === topics.acks(spec.storeId, spec.deviceId)) {
      const ack = parseJson(EventAck, text);
      if (!ack.ok) return;
      for (const id of ack.value.ids) if (this.outbox.delete(id)) this.acked.push(id); // a second ack of one id counts once
      for (const refusal of ack.value.rejected) if (this.outbox.delete(refusal.id)) this.rejected++;
    }
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.applying.then(task, task);
    this.applying = next.catch(() => undefined);
    return next;
  }

  /** Pulls until caught up; calls meanwhile share it, plus one more pull. */
  pull(): Promise<void> {
    if (this.pulling) {
      this.pullAgain = true;
      return this.pulling;
    }
    this.pulling = (async () => {
      try {
        do {
          this.pullAgain = false;
          await this.pullUntilCaughtUp();
        } while (this.pullAgain);
      } catch (error) {
        // Tried again shortly while connected (the real client waits for the next poke, ≤ 30 s).
        if (this.client?.connected)
          setTimeout(() => void this.pull().catch(() => undefined), PULL_RETRY_MS);
        throw error;
      } finally {
        this.pulling = null;
      }
    })();
    return this.pulling;
  }

  private async pullUntilCaughtUp(): Promise<void> {
    let cursor = this.checkpoint;
    let staged: SyncDoc[] = [];
    for (;;) {
      const page = await callRoute(
        this.transport(),
        apiRoutes.sync.pull,
        { query: { since: cursor, limit: PAGE_LIMIT } },
        { signal: AbortSignal.timeout(PAGE_TIMEOUT_MS) },
      );
      staged.push(...page.docs);
      cursor = page.until;
      const insideBatch = page.atomicUntil !== undefined && page.until < page.atomicUntil;
      if (!insideBatch || page.docs.length === 0) {
        const docs = staged;
        const until = cursor;
        staged = [];
        await this.enqueue(async () => {
          if (until <= this.checkpoint) return; // live changes got there first
          await this.applyDocs(docs);
          this.checkpoint = until;
        });
      }
      if (page.docs.length === 0 || page.until >= page.head) return;
    }
  }

  private async applyDocs(docs: readonly SyncDoc[]): Promise<void> {
    const { watch } = this.options;
    let campaignsChanged = false;
    for (const doc of docs) {
      if (doc.c === 'campaigns') {
        campaignsChanged = true;
        if (doc.del) {
          this.campaigns.delete(doc.id);
          continue;
        }
        const verified = await verifySignedCampaign(doc.body, this.options.anchor);
        if (!verified.ok) continue; // a player refuses what it cannot verify
        if (isWithdrawal(verified.value)) this.campaigns.delete(doc.id);
        else this.campaigns.set(doc.id, verified.value);
      } else if (doc.c === 'stock' && doc.id === watch.productId && !doc.del) {
        const stock = ProductStock.safeParse(doc.body);
        const level = stock.success
          ? stock.data.levels.find((entry) => entry.locationId === watch.locationId)
          : undefined;
        const figure = level ? unitsOfVariant(level.quantities, watch.variantId) : undefined;
        if (figure !== undefined && figure !== this.figure) {
          this.figure = figure;
          this.report('stock', watch.productId, figure);
        }
      }
    }
    if (campaignsChanged) this.reportShowing();
  }

  /** The campaigns this screen would play now (selection of core/schedule), newly shown ones reported. */
  private reportShowing(): void {
    const contenders = contendersAt([...this.campaigns.values()], Date.now(), {
      timeZone: this.options.timeZone,
      screen: { storeId: this.options.spec.storeId, groups: [], tags: [] },
    });
    for (const campaign of contenders?.campaigns ?? []) {
      if (this.shown.get(campaign.id) === campaign.revision) continue;
      this.shown.set(campaign.id, campaign.revision);
      this.report('campaign', campaign.id, campaign.revision);
    }
  }

  private report(kind: Seen['kind'], key: string, value: number): void {
    const { spec } = this.options;
    this.options.report({
      kind,
      deviceId: spec.deviceId,
      storeId: spec.storeId,
      key,
      value,
      at: nowMs(),
    });
  }

  /** Records events at `perSecond` from now on, starting at a random phase (0 stops). */
  recordEvents(perSecond: number): void {
    if (this.eventTimer) clearInterval(this.eventTimer);
    this.eventTimer = null;
    if (perSecond <= 0) return;
    const every = 1_000 / perSecond;
    this.eventTimer = setTimeout(() => {
      this.recordOne();
      this.eventTimer = setInterval(() => this.recordOne(), every);
    }, Math.random() * every);
  }

  private recordOne(): void {
    const seq = ++this.seq;
    const event: DeviceEvent = {
      id: uuidv7(),
      seq,
      at: new Date().toISOString(),
      kind: 'proof-of-play',
      // playId repeats the device's own sequence: the doubled count reads it, not the key.
      payload: { campaignId: 'loadtest', itemId: 'ticker', playId: `p${seq}`, phase: 'start' },
    };
    this.outbox.set(event.id, { event, sentAt: null });
    this.flush(false);
  }

  /** Publishes what is unsent (or overdue, or everything after a reconnect), in batches. */
  private flush(all: boolean): void {
    const client = this.client;
    if (!client?.connected) return;
    const now = Date.now();
    const due = [...this.outbox.values()].filter(
      (entry) => all || entry.sentAt === null || now - entry.sentAt > RESEND_AFTER_MS,
    );
    for (let start = 0; start < due.length; start += MAX_EVENTS_PER_BATCH) {
      const chunk = due.slice(start, start + MAX_EVENTS_PER_BATCH);
      const batch = { v: PROTOCOL_VERSION, type: 'events', events: chunk.map((e) => e.event) };
      const { spec } = this.options;
      client.publish(topics.events(spec.storeId, spec.deviceId), JSON.stringify(batch), { qos: 1 });
      for (const entry of chunk) {
        if (entry.sentAt !== null) this.resent++;
        entry.sentAt = now;
      }
    }
  }

  /** Events still waiting for their ack. */
  pending(): number {
    return this.outbox.size;
  }

  ledger(): DeviceLedger {
    const { spec } = this.options;
    return {
      storeId: spec.storeId,
      deviceId: spec.deviceId,
      acked: [...this.acked],
      pending: this.outbox.size,
      rejected: this.rejected,
      resent: this.resent,
    };
  }

  async stop(): Promise<void> {
    this.recordEvents(0);
    if (this.resendTimer) clearInterval(this.resendTimer);
    const client = this.client;
    this.client = null;
    await client?.endAsync(true).catch(() => undefined);
  }
}
