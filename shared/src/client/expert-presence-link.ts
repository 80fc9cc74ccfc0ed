// An expert console's presence on the store's broker, the way a screen does
// it (device-link.ts, DESIGN "presence like Sparkplug"): a retained birth with
// skills and availability, a retained Last Will "offline" so a closed lid or a
// lost Wi-Fi ends it without any timer of ours, and a rebirth whenever a stale
// will overwrites the birth. The broker login comes from the console's own
// signed-in session (POST /experts/me/presence-session).
import mqtt, { type MqttClient } from 'mqtt';
import {
  backOffReconnects,
  STORE_LINK_RECONNECT,
  ExpertPresenceMessage,
  needsRebirth,
  parseJson,
  PROTOCOL_VERSION,
  takenOver,
  type ExpertPresenceGrant,
  type ExpertSkill,
} from '../core';

export type ExpertPresenceState = 'connecting' | 'online' | 'offline' | 'refused' | 'replaced';
export type ExpertDeclaration = { skills: ExpertSkill[]; available: boolean };

/** The broker's WebSocket endpoint on a store server's origin. */
export const storeBrokerUrl = (origin: string) => `${origin.replace(/^http/, 'ws')}/mqtt`;

export class ExpertPresenceLink {
  private client: MqttClient | null = null;
  private declaration: ExpertDeclaration;
  private readonly listeners = new Set<(state: ExpertPresenceState, detail?: string) => void>();
  state: ExpertPresenceState = 'connecting';

  constructor(
    private readonly options: {
      /** `grant.url`, or the store server's own `/mqtt` (storeBrokerUrl). */
      url: string;
      grant: ExpertPresenceGrant;
      /** The console's session token. */
      password: string;
      declaration: ExpertDeclaration;
      /** Seconds before the broker gives up on a silent console and sends the will. */
      keepalive?: number;
    },
  ) {
    this.declaration = options.declaration;
  }

  onState(listener: (state: ExpertPresenceState, detail?: string) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  private setState(state: ExpertPresenceState, detail?: string): void {
    this.state = state;
    for (const listener of this.listeners) listener(state, detail);
  }

  start(): void {
    const { grant } = this.options;
    const client = mqtt.connect(this.options.url, {
      clientId: grant.clientId,
      username: grant.username,
      password: this.options.password,
      protocolVersion: 4,
      clean: true,
      // A closed lid or lost Wi-Fi sends no DISCONNECT: the broker notices after
      // 1.5 × keepalive, so 5 s keeps a vanished expert "free" for ~7.5 s at most.
      keepalive: this.options.keepalive ?? 5,
      connectTimeout: 5_000,
      will: { topic: grant.topic, payload: this.offline(), qos: 1, retain: true },
    });
    this.client = client;
    // Spread over seconds: a store server restart brings back every expert at once.
    backOffReconnects(client, STORE_LINK_RECONNECT);
    client.on('connect', () => {
      this.setState('online');
      void client.subscribeAsync(grant.topic, { qos: 1 }).catch(() => undefined);
      this.publishBirth();
    });
    client.on('close', () => {
      if (this.state === 'online' || this.state === 'connecting') this.setState('offline');
    });
    client.on('error', (error) => {
      // Signed out or expired: retrying cannot help, the console must sign in again.
      if (/Not authorized|Bad username/i.test(error.message)) {
        client.options.reconnectPeriod = 0;
        this.setState('refused', error.message);
        client.end(true);
      }
    });
    client.on('message', (topic, payload) => {
      if (topic !== grant.topic) return;
      const seen = parseJson(ExpertPresenceMessage, new TextDecoder().decode(payload));
      if (!seen.ok) return;
      const mark = { alive: seen.value.type === 'online', session: seen.value.session };
      if (takenOver(grant.session, mark)) {
        // The same expert opened another console: that one speaks for them now.
        this.setState('replaced');
        this.client = null;
        client.end(true);
      } else if (needsRebirth(grant.session, mark)) this.publishBirth();
    });
  }

  /** Says what the expert can help with and whether they take calls now. */
  declare(declaration: ExpertDeclaration): void {
    this.declaration = declaration;
    this.publishBirth();
  }

  private publishBirth(): void {
    const message: ExpertPresenceMessage = {
      v: PROTOCOL_VERSION,
      type: 'online',
      session: this.options.grant.session,
      skills: this.declaration.skills,
      available: this.declaration.available,
      at: new Date().toISOString(),
    };
    if (this.client?.connected)
      this.client.publish(this.options.grant.topic, JSON.stringify(message), {
        qos: 1,
        retain: true,
      });
  }

  private offline(): string {
    const message: ExpertPresenceMessage = {
      v: PROTOCOL_VERSION,
      type: 'offline',
      session: this.options.grant.session,
    };
    return JSON.stringify(message);
  }

  /** A clean goodbye: says offline itself (the will is for crashes). */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (!client) return;
    if (client.connected) {
      await client.publishAsync(this.options.grant.topic, this.offline(), {
        qos: 1,
        retain: true,
      });
    }
    await client.endAsync();
  }

  /** Drops the connection without DISCONNECT, as a closed lid would (tests): the will fires. */
  crash(): void {
    const client = this.client;
    this.client = null;
    client?.stream.destroy();
    client?.end(true);
  }
}
