// A Node device's side of the store's TLS: first contact (read the CA the
// server presents, check its fingerprint), a fetch and MQTT options that trust
// only the pinned CAs, and pins that follow the store's trust bundle (a CA
// rotation). The decisions are the shell's own (shared/src/desktop/store-pin.ts).
import { Agent, fetch as undiciFetch } from 'undici';
import {
  apiRoutes,
  callRoute,
  type CertificateFingerprint,
  type DeviceCredential,
} from '@vitrine/shared/core';
import type { DeviceTransport } from '@vitrine/shared/client';
import { pinnedTlsOptions, readServerChain } from '@vitrine/shared/desktop/store-contact';
import { caToPin, fingerprintOf, pinsFromBundle } from '@vitrine/shared/desktop/store-pin';

/** The pins a device holds; `transport` always trusts the current ones. */
export class DevicePins {
  private agent: Agent;
  /** Same object for the device's lifetime: mqtt.js reads `ca` from it at each reconnect. */
  readonly mqttTls: { ca: string[]; rejectUnauthorized: true };

  constructor(pins: readonly string[]) {
    this.mqttTls = pinnedTlsOptions(pins);
    this.agent = new Agent({ connect: pinnedTlsOptions(pins) });
  }

  get current(): readonly string[] {
    return this.mqttTls.ca;
  }

  replace(pins: readonly string[]): void {
    this.mqttTls.ca.splice(0, this.mqttTls.ca.length, ...pins);
    const old = this.agent;
    this.agent = new Agent({ connect: pinnedTlsOptions(pins) });
    void old.close();
  }

  readonly fetch = ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as object), dispatcher: this.agent })) as unknown as typeof fetch;

  transport(): DeviceTransport {
    return {
      fetch: this.fetch,
      mqttTls: this.mqttTls,
      onTrustBundle: (bundle) => {
        const next = pinsFromBundle(bundle);
        if (next.ok) this.replace(next.value);
      },
    };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

/** First contact: the store CA from the chain the server presents (checked against `expected`). */
export async function firstContact(
  httpsUrl: string,
  expected?: CertificateFingerprint,
): Promise<DevicePins> {
  const chain = await readServerChain(httpsUrl);
  const ca = caToPin({ hostname: new URL(httpsUrl).hostname, chain }, expected);
  if (!ca.ok) throw new Error(ca.error);
  return new DevicePins([ca.value]);
}

/** Enrols over the pinned connection; the answer must name the CA the device pinned. */
export async function enrolOverTls(
  httpsUrl: string,
  pins: DevicePins,
  role: 'kiosk' | 'signage' | 'mirror' = 'kiosk',
): Promise<DeviceCredential & { pairingCode: string; fingerprint: string }> {
  const answer = await callRoute(
    { baseUrl: httpsUrl, fetch: pins.fetch },
    apiRoutes.devices.enrol,
    { body: { role, name: `tls ${role}` } },
  );
  const pinned = pins.current[0] ? fingerprintOf(pins.current[0]) : '';
  if (answer.tls?.fingerprint !== pinned)
    throw new Error(`enrolment names CA ${answer.tls?.fingerprint}, the device pinned ${pinned}`);
  const { deviceId, secret, pairingCode } = answer;
  return { deviceId, secret, pairingCode, fingerprint: pinned };
}
