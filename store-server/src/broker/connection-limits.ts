// What an MQTT connection may cost before it has authenticated: a packet is
// refused as soon as its declared size is over the limit (not once it has
// arrived), and one client address holds only so many connections that have
// not yet been accepted (CONNACK). The CONNECT deadline itself is aedes's
// `connectTimeout`. Every listener (TCP, WebSocket, and TLS ones) hands its
// connections to `handle`, so they all get the same limits.
import type { Aedes } from 'aedes';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '@vitrine/shared/node';
import { PacketSizeWatch } from './packet-size-watch';

export type MqttLimits = {
  /** Largest MQTT packet accepted, fixed header included. */
  maxPacketBytes: number;
  /** A connection that has not sent its CONNECT by then is closed. */
  connectTimeoutMs: number;
  /** Connections from one address not yet accepted (no CONNACK yet). */
  maxPendingPerAddress: number;
};

export const DEFAULT_MQTT_LIMITS: MqttLimits = {
  maxPacketBytes: 256 * 1024,
  connectTimeoutMs: 5_000,
  maxPendingPerAddress: 32,
};

/** The limits a store's configuration asks for, the defaults for what it leaves out. */
export function mqttLimitsOf(config: {
  mqttMaxPacketBytes?: number;
  mqttConnectTimeoutSeconds?: number;
  mqttMaxPendingPerAddress?: number;
}): MqttLimits {
  return {
    maxPacketBytes: config.mqttMaxPacketBytes ?? DEFAULT_MQTT_LIMITS.maxPacketBytes,
    connectTimeoutMs:
      config.mqttConnectTimeoutSeconds !== undefined
        ? config.mqttConnectTimeoutSeconds * 1000
        : DEFAULT_MQTT_LIMITS.connectTimeoutMs,
    maxPendingPerAddress:
      config.mqttMaxPendingPerAddress ?? DEFAULT_MQTT_LIMITS.maxPendingPerAddress,
  };
}

export type MqttConnectionGate = {
  /** False when `address` already holds its share of connections not yet accepted. */
  admits: (address: string) => boolean;
  /** Hands a connection to the broker under the limits (or closes it at once). */
  handle: (stream: Duplex, address: string, request?: IncomingMessage) => void;
  /** Connections not yet accepted, all addresses together. */
  pendingCount: () => number;
};

export function mqttConnectionGate(
  aedes: Aedes,
  limits: MqttLimits,
  log: Logger,
): MqttConnectionGate {
  const pending = new Map<string, number>();
  let pendingTotal = 0;
  const warn = throttledWarn(log);
  const admits = (address: string) => (pending.get(address) ?? 0) < limits.maxPendingPerAddress;

  return {
    admits,
    pendingCount: () => pendingTotal,
    handle: (stream, address, request) => {
      if (!admits(address)) {
        warn({ address }, 'mqtt: refused a connection (too many not yet authenticated)');
        stream.destroy();
        return;
      }
      pending.set(address, (pending.get(address) ?? 0) + 1);
      pendingTotal++;
      let counted = true;
      const release = () => {
        if (!counted) return;
        counted = false;
        pendingTotal--;
        const left = (pending.get(address) ?? 1) - 1;
        if (left > 0) pending.set(address, left);
        else pending.delete(address);
      };
      stream.once('close', release);
      const client = aedes.handle(stream, request);
      client.once('connected', release);
      // Added after aedes's 'readable' listener, so the stream stays paused and
      // this sees each chunk as aedes reads it, before its parser appends it.
      const watch = new PacketSizeWatch(limits.maxPacketBytes);
      const onData = (chunk: Buffer) => {
        const violation = watch.feed(chunk);
        if (!violation) return;
        stream.off('data', onData);
        warn(
          { address, clientId: client.id ?? undefined, ...violation, limit: limits.maxPacketBytes },
          'mqtt: closed a connection (packet over the size limit)',
        );
        stream.destroy();
      };
      stream.on('data', onData);
    },
  };
}

/** One line per message every 10 s, with how many it stands for: an attack must not flood the log. */
function throttledWarn(log: Logger, everyMs = 10_000) {
  const last = new Map<string, { at: number; since: number }>();
  return (fields: Record<string, unknown>, message: string) => {
    const now = Date.now();
    const seen = last.get(message);
    if (seen && now - seen.at < everyMs) {
      seen.since++;
      return;
    }
    last.set(message, { at: now, since: 0 });
    log.warn({ ...fields, alsoSinceLastLine: seen?.since ?? 0 }, message);
  };
}
