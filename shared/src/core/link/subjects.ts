// The link between head office and the stores (NATS JetStream), declared once:
// every subject, stream, durable and bucket name is built here, so no other
// file spells one (docs/decisions/16-plan.md §3.1). Plain data only: the
// configurations use JetStream's own field names, so HQ passes them as they are.
import { assertTopicSegment } from '../topics';

/**
 * A store id is one subject token and part of durable and inbox names: the same
 * rule as an MQTT topic segment (1–64 of A-Z a-z 0-9 _ -), so never `.`, `*`,
 * `>` or whitespace, which would let one store's subjects reach another's.
 */
export function assertStoreId(value: string): string {
  return assertTopicSegment(value, 'store id');
}

export function isStoreId(value: string): boolean {
  try {
    assertStoreId(value);
    return true;
  } catch {
    return false;
  }
}

/** Requests a store sends to HQ on core NATS (answered by the queue group `hq`). */
export const LINK_REQUEST_KINDS = [
  'hello',
  'resync',
  'stock-catch-up',
  'rotate',
  'refused',
] as const;
export type LinkRequestKind = (typeof LINK_REQUEST_KINDS)[number];

/** What a store publishes: stored by JetStream (events, stock, fleet) or requests. */
export type StoreSubjectKind = 'events' | 'stock' | 'fleet' | `req.${LinkRequestKind}`;

/** HQ → one store (stream HQ_STORES). */
export const HQ_STORE_KINDS = [
  'prices',
  'stock',
  'campaign',
  'settings',
  'snapshot',
  'neighbours',
] as const;
export type HqStoreKind = (typeof HQ_STORE_KINDS)[number];

/** HQ → every store (stream HQ_CHAIN). */
export const HQ_CHAIN_KINDS = ['catalogue', 'campaign', 'settings', 'snapshot'] as const;
export type HqChainKind = (typeof HQ_CHAIN_KINDS)[number];

const ROOT = 'vt';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Every subject one store publishes on, and the wildcard covering them. */
export function storeSubjects(storeId: string) {
  const base = `${ROOT}.st.${assertStoreId(storeId)}`;
  return {
    all: `${base}.>`,
    events: `${base}.events`,
    stock: `${base}.stock`,
    fleet: `${base}.fleet`,
    req: {
      hello: `${base}.req.hello`,
      resync: `${base}.req.resync`,
      'stock-catch-up': `${base}.req.stock-catch-up`,
      rotate: `${base}.req.rotate`,
      refused: `${base}.req.refused`,
    } satisfies Record<LinkRequestKind, string>,
  };
}

export function hqStoreSubject(storeId: string, kind: HqStoreKind): string {
  return `${ROOT}.hq.store.${assertStoreId(storeId)}.${kind}`;
}

/** Everything HQ sends to one store: its durable's filter. */
export function hqStoreWildcard(storeId: string): string {
  return `${ROOT}.hq.store.${assertStoreId(storeId)}.>`;
}

export function hqChainSubject(kind: HqChainKind): string {
  return `${ROOT}.hq.all.${kind}`;
}

/** What HQ subscribes to (queue group HQ_REQUEST_QUEUE) to answer every store's requests. */
export const ALL_STORE_REQUESTS = `${ROOT}.st.*.req.>`;
export const HQ_REQUEST_QUEUE = 'hq';

/** A store's inbox prefix (client option `inboxPrefix`): a shared `_INBOX.>` would let A read B's replies. */
export function storeInboxPrefix(storeId: string): string {
  return `_INBOX_${assertStoreId(storeId)}`;
}

const STORE_KINDS = new Set<string>([
  'events',
  'stock',
  'fleet',
  ...LINK_REQUEST_KINDS.map((kind) => `req.${kind}`),
]);

/**
 * The store and kind of a subject a store published on, or null. HQ takes the
 * store's identity from here, never from the body: permissions bind the subject.
 */
export function parseStoreSubject(
  subject: string,
): { storeId: string; kind: StoreSubjectKind } | null {
  const parts = subject.split('.');
  if (parts.length < 4 || parts[0] !== ROOT || parts[1] !== 'st') return null;
  const storeId = parts[2]!;
  const kind = parts.slice(3).join('.');
  if (!isStoreId(storeId) || !STORE_KINDS.has(kind)) return null;
  return { storeId, kind: kind as StoreSubjectKind };
}

// ---- Streams, consumers, buckets ----------------------------------------------------------

export const STREAMS = {
  hqChain: 'HQ_CHAIN',
  hqStores: 'HQ_STORES',
  events: 'EVENTS',
  stock: 'STOCK',
  fleet: 'FLEET',
} as const;
export type LinkStreamName = (typeof STREAMS)[keyof typeof STREAMS];

/** The object stores; JetStream keeps each in stream `OBJ_<bucket>`. */
export const OBJECT_BUCKETS = {
  /** Campaign media, object name = hex SHA-256; read by every store. */
  media: { bucket: 'media', stream: 'OBJ_media' },
  /** Chain catalogue snapshots only (never per-store data: every store can read it). */
  snapshots: { bucket: 'snapshots', stream: 'OBJ_snapshots', ttlMs: 30 * DAY_MS },
} as const;

/** HQ's shared durables: every HQ process pulls the same one. */
export const HQ_DURABLES = { events: 'hq-events', stock: 'hq-stock', fleet: 'hq-fleet' } as const;

/** A store's durable on HQ_CHAIN and on HQ_STORES (the same name on both). */
export function storeDurable(storeId: string): string {
  return `s-${assertStoreId(storeId)}`;
}

const NANOS_PER_MS = 1_000_000;
/** JetStream counts durations in nanoseconds. */
export const nanos = (ms: number) => ms * NANOS_PER_MS;

export const LINK_RETENTION = {
  hqMaxAgeMs: 14 * DAY_MS,
  fleetMaxAgeMs: 2 * DAY_MS,
  duplicateWindowMs: 2 * 60 * 1000,
  /** Short, so a message lost with a cut line comes again soon after the heal (hq-pull says `working()` every 5 s). */
  storeAckWaitMs: 20 * 1000,
} as const;

export type LinkStreamConfig = {
  name: LinkStreamName;
  subjects: string[];
  retention: 'limits' | 'workqueue';
  discard: 'old' | 'new';
  storage: 'file';
  num_replicas: number;
  max_age: number;
  duplicate_window: number;
  max_bytes: number;
  max_msgs_per_subject: number;
};

export type LinkStreamOptions = {
  /** 3 on the cluster; 1 for a single-node test. */
  replicas?: number;
  /** The disk budget for queued events (discard new: a full stream refuses, the store keeps them). */
  eventsMaxBytes: number;
  stockMaxBytes: number;
};

/** The five streams of the link, as JetStream stream configurations. */
export function linkStreams(options: LinkStreamOptions): LinkStreamConfig[] {
  const common = {
    storage: 'file' as const,
    num_replicas: options.replicas ?? 3,
    duplicate_window: nanos(LINK_RETENTION.duplicateWindowMs),
    max_age: 0,
    max_bytes: -1,
    max_msgs_per_subject: -1,
  };
  const hqAge = nanos(LINK_RETENTION.hqMaxAgeMs);
  return [
    {
      ...common,
      name: STREAMS.hqChain,
      subjects: HQ_CHAIN_KINDS.map(hqChainSubject),
      retention: 'limits',
      discard: 'old',
      max_age: hqAge,
    },
    {
      ...common,
      name: STREAMS.hqStores,
      subjects: [`${ROOT}.hq.store.*.>`],
      retention: 'limits',
      discard: 'old',
      max_age: hqAge,
    },
    {
      ...common,
      name: STREAMS.events,
      subjects: [`${ROOT}.st.*.events`],
      retention: 'workqueue',
      discard: 'new',
      max_bytes: options.eventsMaxBytes,
    },
    {
      ...common,
      name: STREAMS.stock,
      subjects: [`${ROOT}.st.*.stock`],
      retention: 'workqueue',
      discard: 'new',
      max_bytes: options.stockMaxBytes,
    },
    {
      ...common,
      name: STREAMS.fleet,
      subjects: [`${ROOT}.st.*.fleet`],
      retention: 'limits',
      discard: 'old',
      max_age: nanos(LINK_RETENTION.fleetMaxAgeMs),
      max_msgs_per_subject: 1,
    },
  ];
}

export type LinkConsumerConfig = {
  stream: LinkStreamName;
  config: {
    durable_name: string;
    ack_policy: 'explicit';
    deliver_policy: 'all';
    ack_wait: number;
    /** A string, never `filter_subjects`: the server is 2.9 (16-plan §2). */
    filter_subject?: string;
  };
};

/** A store's two durables, created by HQ at enrolment (the store may only pull and ack them). */
export function storeConsumers(storeId: string): LinkConsumerConfig[] {
  const durable_name = storeDurable(storeId);
  const ack_wait = nanos(LINK_RETENTION.storeAckWaitMs);
  return [
    {
      stream: STREAMS.hqChain,
      config: { durable_name, ack_policy: 'explicit', deliver_policy: 'all', ack_wait },
    },
    {
      stream: STREAMS.hqStores,
      config: {
        durable_name,
        ack_policy: 'explicit',
        deliver_policy: 'all',
        ack_wait,
        filter_subject: hqStoreWildcard(storeId),
      },
    },
  ];
}

/** HQ's shared durables on the store → HQ streams. */
export function hqConsumers(ackWaitMs = 30_000): LinkConsumerConfig[] {
  const durable = (stream: LinkStreamName, durable_name: string): LinkConsumerConfig => ({
    stream,
    config: {
      durable_name,
      ack_policy: 'explicit',
      deliver_policy: 'all',
      ack_wait: nanos(ackWaitMs),
    },
  });
  return [
    durable(STREAMS.events, HQ_DURABLES.events),
    durable(STREAMS.stock, HQ_DURABLES.stock),
    durable(STREAMS.fleet, HQ_DURABLES.fleet),
  ];
}
