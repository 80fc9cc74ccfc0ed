// The MQTT topic tree, declared once. Every topic is built and parsed here so
// no other file spells a topic string (docs/protocol.md).
export const TOPIC_ROOT = 'vitrine/v1';

const SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;

export function assertTopicSegment(value: string, what: string): string {
  if (!SEGMENT.test(value)) throw new Error(`${what} "${value}" must be 1-64 of A-Z a-z 0-9 _ -`);
  return value;
}

export const topics = {
  /** server → devices: catalogue/stock changes and pokes (retained: no). */
  sync: (storeId: string) => `${TOPIC_ROOT}/stores/${storeId}/sync`,
  /** device → server: batches of outbox events. */
  events: (storeId: string, deviceId: string) =>
    `${TOPIC_ROOT}/stores/${storeId}/devices/${deviceId}/events`,
  /** server → one device: application acknowledgements of its events. */
  acks: (storeId: string, deviceId: string) =>
    `${TOPIC_ROOT}/stores/${storeId}/devices/${deviceId}/acks`,
  /** device → all: retained birth, Last Will death. */
  status: (storeId: string, deviceId: string) =>
    `${TOPIC_ROOT}/stores/${storeId}/devices/${deviceId}/status`,
  /** server → one device: remote commands (reload, screenshot…). */
  commands: (storeId: string, deviceId: string) =>
    `${TOPIC_ROOT}/stores/${storeId}/devices/${deviceId}/commands`,
  /** wildcard the server subscribes to for every device's events. */
  allEvents: (storeId: string) => `${TOPIC_ROOT}/stores/${storeId}/devices/+/events`,
  allStatus: (storeId: string) => `${TOPIC_ROOT}/stores/${storeId}/devices/+/status`,
  /** measuring device → server → that mirror: a shopper's body measurements (never stored). */
  measurements: (storeId: string, mirrorId: string) =>
    `${TOPIC_ROOT}/stores/${storeId}/devices/${mirrorId}/measurements`,
  allMeasurements: (storeId: string) => `${TOPIC_ROOT}/stores/${storeId}/devices/+/measurements`,
  /** people counter → server: its counts, in the generic shape (docs/insights.md). */
  counts: (storeId: string, counterId: string) =>
    `${TOPIC_ROOT}/stores/${storeId}/devices/${counterId}/counts`,
  allCounts: (storeId: string) => `${TOPIC_ROOT}/stores/${storeId}/devices/+/counts`,
  /** expert console → server: retained presence birth, Last Will "offline". */
  expertPresence: (storeId: string, expertId: string) =>
    `${TOPIC_ROOT}/stores/${storeId}/experts/${expertId}/presence`,
  allExpertPresence: (storeId: string) => `${TOPIC_ROOT}/stores/${storeId}/experts/+/presence`,
  /** server → screens: retained count of free experts per skill (no names). */
  expertAvailability: (storeId: string) => `${TOPIC_ROOT}/stores/${storeId}/experts/availability`,
} as const;

/** The expert of an expert presence topic, or undefined if it is not one. */
export function parseExpertPresenceTopic(
  topic: string,
): { storeId: string; expertId: string } | undefined {
  const parts = topic.split('/');
  if (parts.length !== 7) return undefined;
  const [root, version, stores, storeId, experts, expertId, kind] = parts;
  if (`${root}/${version}` !== TOPIC_ROOT || stores !== 'stores' || experts !== 'experts') {
    return undefined;
  }
  if (kind !== 'presence' || !storeId || !expertId) return undefined;
  if (!SEGMENT.test(storeId) || !SEGMENT.test(expertId)) return undefined;
  return { storeId, expertId };
}

export type DeviceTopicKind = 'events' | 'acks' | 'status' | 'commands' | 'counts';

/** Splits a device topic into its parts, or undefined if it is not one. */
export function parseDeviceTopic(
  topic: string,
): { storeId: string; deviceId: string; kind: DeviceTopicKind } | undefined {
  const parts = topic.split('/');
  if (parts.length !== 7) return undefined;
  const [root, version, stores, storeId, devices, deviceId, kind] = parts;
  if (`${root}/${version}` !== TOPIC_ROOT || stores !== 'stores' || devices !== 'devices') {
    return undefined;
  }
  if (!storeId || !deviceId || !SEGMENT.test(storeId) || !SEGMENT.test(deviceId)) return undefined;
  if (
    kind !== 'events' &&
    kind !== 'acks' &&
    kind !== 'status' &&
    kind !== 'commands' &&
    kind !== 'counts'
  ) {
    return undefined;
  }
  return { storeId, deviceId, kind };
}
