// Measurements a measuring device publishes for a mirror reach that mirror
// live (its Server-Sent Events feed) and nowhere else: they are validated,
// relayed in memory and never stored — a shopper's body is not kept.
import {
  MeasurementsMessage,
  parseJson,
  topics,
  type MeasurementsMessage as Message,
} from '@vitrine/shared/core';
import type { BrokerLink } from '../broker/broker-link';
import type { DeviceRegistry } from '../devices/registry';
import type { Logger } from '@vitrine/shared/node';

/** Older measurements are stale (another shopper, a replayed message). */
const MAX_AGE_MS = 5 * 60_000;

export class MeasurementRelay {
  private readonly listeners = new Map<string, Set<(message: Message) => void>>();

  constructor(
    private readonly registry: DeviceRegistry,
    private readonly log: Logger,
  ) {}

  async attach(link: BrokerLink, storeId: string): Promise<void> {
    link.onMessage((topic, payload) => {
      const mirrorId = topic.split('/').at(-2) ?? '';
      if (topic !== topics.measurements(storeId, mirrorId)) return;
      this.accept(mirrorId, payload.toString('utf8'));
    });
    await link.subscribe(topics.allMeasurements(storeId));
  }

  /** Validates one message for `mirrorId` and hands it to that mirror's open feeds. */
  accept(mirrorId: string, text: string, now = Date.now()): boolean {
    const device = this.registry.get(mirrorId);
    if (!device || device.status !== 'active' || device.role !== 'mirror') {
      this.log.warn({ mirrorId }, 'measurements: not an active mirror; dropped');
      return false;
    }
    const message = parseJson(MeasurementsMessage, text);
    if (!message.ok) {
      this.log.warn(
        { mirrorId, error: message.error },
        'measurements: refused a malformed message',
      );
      return false;
    }
    const age = now - Date.parse(message.value.at);
    if (age > MAX_AGE_MS || age < -MAX_AGE_MS) {
      this.log.warn({ mirrorId }, 'measurements: stale message dropped');
      return false;
    }
    for (const listener of this.listeners.get(mirrorId) ?? []) listener(message.value);
    return true;
  }

  listen(mirrorId: string, listener: (message: Message) => void): () => void {
    const set = this.listeners.get(mirrorId) ?? new Set();
    set.add(listener);
    this.listeners.set(mirrorId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(mirrorId);
    };
  }
}
