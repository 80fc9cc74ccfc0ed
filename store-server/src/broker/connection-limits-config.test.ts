// The MQTT limits before authentication, from flags and environment.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../config';
import { DEFAULT_MQTT_LIMITS, mqttLimitsOf } from './connection-limits';

const defaults = { appsDir: '/repo' };
const store = { VITRINE_STORE: 'paris-rivoli' };

function limitsFrom(argv: string[], env: Record<string, string> = {}) {
  const result = readConfig(argv, { ...store, ...env }, defaults);
  if (result.kind !== 'config') throw new Error(result.kind === 'error' ? result.message : 'help');
  return mqttLimitsOf(result.config);
}

describe('MQTT limits configuration', () => {
  it('defaults to 256 KiB packets, a 5 s CONNECT deadline and 32 pending per address', () => {
    expect(limitsFrom([])).toEqual(DEFAULT_MQTT_LIMITS);
    expect(DEFAULT_MQTT_LIMITS).toEqual({
      maxPacketBytes: 262_144,
      connectTimeoutMs: 5_000,
      maxPendingPerAddress: 32,
    });
  });

  it('reads flags over environment variables', () => {
    expect(
      limitsFrom(['--mqtt-max-packet', '65536', '--mqtt-connect-timeout', '2'], {
        VITRINE_MQTT_MAX_PACKET: '1048576',
        VITRINE_MQTT_MAX_PENDING: '8',
      }),
    ).toEqual({ maxPacketBytes: 65_536, connectTimeoutMs: 2_000, maxPendingPerAddress: 8 });
  });

  it('refuses limits that would lock devices out or mean nothing', () => {
    expect(readConfig(['--mqtt-max-packet', '100'], store, defaults)).toMatchObject({
      kind: 'error',
      message: /mqttMaxPacketBytes/,
    });
    expect(readConfig(['--mqtt-max-pending', '0'], store, defaults)).toMatchObject({
      kind: 'error',
      message: /mqttMaxPendingPerAddress/,
    });
    expect(readConfig(['--mqtt-connect-timeout', 'soon'], store, defaults)).toMatchObject({
      kind: 'error',
      message: /mqttConnectTimeoutSeconds/,
    });
  });
});
