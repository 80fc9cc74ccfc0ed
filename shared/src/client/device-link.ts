// The device's MQTT connection to its store: live sync in, events out, acks in,
// presence as a retained birth with a Last Will. Clean sessions: whatever was
// missed while away is recovered by a pull and an outbox resend, never by
// broker queues (they are bounded).
import mqtt, { type MqttClient } from 'mqtt';
import {
  backOffReconnects,
  retry,
  STORE_LINK_RECONNECT,
  DeviceCommand,
  DeviceStatus,
  EventAck,
  ExpertAvailabilityMessage,
  EXPERT_SKILLS,
  needsRebirth,
  PROTOCOL_VERSION,
  parseJson,
  SyncMessage,
  topics,
  type AppName,
  type DeviceCredential,
  type SkillAvailability,
} from '../core';
import type { DeviceDb } from './device-db';
import type { Outbox } from './outbox';
import { RESEND_AFTER_MS } from './outbox';
import type { DeviceReplicator } from './replicator';

/** Catch-up pulls tried after each connection, one backoff apart (1 → 4 s). */
const CATCH_UP_ATTEMPTS = 8;

const SESSION = 'presence.session';

export type LinkState = 'connecting' | 'online' | 'offline' | 'refused';

export type DeviceLinkOptions = {
  mqttUrl: string;
  storeId: string;
  app: AppName;
  version: string;
  credential: DeviceCredential;
  db: DeviceDb;
  replicator: DeviceReplicator;
  outbox: Outbox;
  showing: () => string;
  onCommand?: (command: DeviceCommand) => void;
  /** Node clients: trust only the pinned store CA (a browser pins through its own stack). */
  tls?: { ca: string[]; rejectUnauthorized: true };
};

export class DeviceLink {
  private client: MqttClient | null = null;
  private session = 0;
  private resendTimer: ReturnType<typeof setInterval> | null = null;
  private readonly listeners = new Set<(state: LinkState, detail?: string) => void>();
  private readonly availabilityListeners = new Set<(skills: SkillAvailability | null) => void>();
  /** Free experts per skill, from the store's retained summary; null until it arrives. */
  expertAvailability: SkillAvailability | null = null;
  state: LinkState = 'connecting';

  constructor(private readonly options: DeviceLinkOptions) {}

  onState(listener: (state: LinkState, detail?: string) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  /** Called now with what is known, then on every change of the experts' availability. */
  onExpertAvailability(listener: (skills: SkillAvailability | null) => void): () => void {
    this.availabilityListeners.add(listener);
    listener(this.expertAvailability);
    return () => this.availabilityListeners.delete(listener);
  }

  private setExpertAvailability(skills: SkillAvailability | null): void {
    this.expertAvailability = skills;
    for (const listener of this.availabilityListeners) listener(skills);
  }

  private setState(state: LinkState, detail?: string): void {
    this.state = state;
    for (const listener of this.listeners) listener(state, detail);
  }

  async start(): Promise<void> {
    const { options } = this;
    const { storeId, credential } = options;
    this.session = ((await options.db.getMeta<number>(SESSION)) ?? 0) + 1;
    await options.db.setMeta(SESSION, this.session);
    const statusTopic = topics.status(storeId, credential.deviceId);
    const client = mqtt.connect(options.mqttUrl, {
      clientId: credential.deviceId,
      username: credential.deviceId,
      password: credential.secret,
      protocolVersion: 4,
      clean: true,
      keepalive: 15,
      connectTimeout: 5_000,
      ...options.tls,
      will: {
        topic: statusTopic,
        payload: this.statusPayload('death'),
        qos: 1,
        retain: true,
      },
    });
    this.client = client;
    backOffReconnects(client, STORE_LINK_RECONNECT);
    client.on('connect', () => void this.onConnect());
    client.on('close', () => {
      options.outbox.setPublisher(null);
      if (this.state !== 'refused') this.setState('offline');
      // Cut from the store: nobody can be called until the summary comes back.
      if (this.expertAvailability) this.setExpertAvailability(noExperts());
    });
    client.on('error', (error) => {
      // A refused CONNECT (bad or revoked credential) will not get better by retrying fast.
      if (/Not authorized|Bad username/i.test(error.message)) {
        this.setState('refused', error.message);
        client.options.reconnectPeriod = 30_000;
      }
    });
    client.on('message', (topic, payload) => void this.onMessage(topic, payload));
    this.resendTimer = setInterval(() => void options.outbox.flush(), RESEND_AFTER_MS);
  }

  private statusPayload(type: 'birth' | 'death'): string {
    const message: DeviceStatus =
      type === 'birth'
        ? {
            v: PROTOCOL_VERSION,
            type: 'birth',
            session: this.session,
            app: this.options.app,
            version: this.options.version,
            showing: this.options.showing().slice(0, 200),
            at: new Date().toISOString(),
          }
        : { v: PROTOCOL_VERSION, type: 'death', session: this.session };
    return JSON.stringify(message);
  }

  private async onConnect(): Promise<void> {
    const { options } = this;
    const client = this.client;
    if (!client) return;
    const { storeId, credential } = options;
    this.setState('online');
    await client.subscribeAsync(
      [
        topics.sync(storeId),
        topics.acks(storeId, credential.deviceId),
        topics.commands(storeId, credential.deviceId),
        topics.status(storeId, credential.deviceId),
        topics.expertAvailability(storeId),
      ],
      { qos: 1 },
    );
    this.publishBirth();
    options.outbox.setPublisher((batch) => {
      if (!client.connected) return false;
      client.publish(topics.events(storeId, credential.deviceId), JSON.stringify(batch), {
        qos: 1,
      });
      return true;
    });
    // A restarting store server takes MQTT connections a moment before its HTTP
    // answers (503 "starting"): a failed catch-up is tried again while this
    // connection lasts, for about half a minute; then the next poke tries again.
    await retry(() => options.replicator.pull(), {
      policy: STORE_LINK_RECONNECT,
      attempts: CATCH_UP_ATTEMPTS,
      retryIf: () => client.connected && this.client === client,
    }).catch(() => undefined); // the replicator's state shows the error
  }

  /** Tells the store what this screen now shows (retained, so late subscribers see it). */
  publishBirth(): void {
    const { storeId, credential } = this.options;
    this.client?.publish(topics.status(storeId, credential.deviceId), this.statusPayload('birth'), {
      qos: 1,
      retain: true,
    });
  }

  private async onMessage(topic: string, payload: Uint8Array): Promise<void> {
    const { options } = this;
    const { storeId, credential } = options;
    const text = new TextDecoder().decode(payload);
    if (topic === topics.sync(storeId)) {
      const message = parseJson(SyncMessage, text);
      if (message.ok) await options.replicator.handleMessage(message.value).catch(() => undefined);
    } else if (topic === topics.acks(storeId, credential.deviceId)) {
      const ack = parseJson(EventAck, text);
      if (ack.ok) await options.outbox.acknowledge(ack.value);
    } else if (topic === topics.status(storeId, credential.deviceId)) {
      // A stale will from an older connection replaced our retained birth: rebirth.
      const status = parseJson(DeviceStatus, text);
      const seen = status.ok && { alive: status.value.type === 'birth', ...status.value };
      if (seen && needsRebirth(this.session, seen)) this.publishBirth();
    } else if (topic === topics.expertAvailability(storeId)) {
      const summary = parseJson(ExpertAvailabilityMessage, text);
      if (summary.ok) this.setExpertAvailability(summary.value.skills);
    } else if (topic === topics.commands(storeId, credential.deviceId)) {
      const command = parseJson(DeviceCommand, text);
      if (command.ok) options.onCommand?.(command.value);
    }
  }

  async stop(): Promise<void> {
    if (this.resendTimer) clearInterval(this.resendTimer);
    this.options.outbox.stop();
    const client = this.client;
    this.client = null;
    if (client) {
      // A clean stop says goodbye explicitly: the will is only for crashes.
      if (client.connected) {
        await client.publishAsync(
          topics.status(this.options.storeId, this.options.credential.deviceId),
          this.statusPayload('death'),
          { qos: 1, retain: true },
        );
      }
      await client.endAsync();
    }
  }

  /** Simulates a crash (tests): drop the connection without DISCONNECT, so the will fires. */
  crash(): void {
    if (this.resendTimer) clearInterval(this.resendTimer);
    this.options.outbox.stop();
    this.client?.stream.destroy();
    this.client?.end(true);
    this.client = null;
  }
}

function noExperts(): SkillAvailability {
  return Object.fromEntries(
    EXPERT_SKILLS.map((skill) => [skill, { available: 0, online: 0 }]),
  ) as SkillAvailability;
}
