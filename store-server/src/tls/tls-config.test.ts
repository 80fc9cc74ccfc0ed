// TLS flags: plain ports are on in the demo only, TLS ports have defaults, and
// a wrong value is named.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../config';

const defaults = { appsDir: '/repo' };

describe('TLS configuration', () => {
  it('keeps plain ports on in the demo, so npm start opens on http://localhost:8080', () => {
    expect(readConfig(['--demo'], {}, defaults)).toMatchObject({
      kind: 'config',
      config: { plainPorts: true, httpsPort: 8443, mqttsPort: 8883, tlsCertDays: 397 },
    });
  });

  it('turns plain ports off outside the demo unless asked', () => {
    const store = { VITRINE_STORE: 'lyon-1' };
    expect(readConfig([], store, defaults)).toMatchObject({
      kind: 'config',
      config: { plainPorts: false, httpsPort: 8443 },
    });
    expect(readConfig(['--plain', 'on'], store, defaults)).toMatchObject({
      kind: 'config',
      config: { plainPorts: true },
    });
    expect(readConfig(['--demo'], { VITRINE_PLAIN: 'off' }, defaults)).toMatchObject({
      kind: 'config',
      config: { plainPorts: false },
    });
  });

  it('names a wrong value', () => {
    expect(readConfig(['--demo', '--plain', 'maybe'], {}, defaults)).toMatchObject({
      kind: 'error',
      message: /--plain must be on or off/,
    });
    expect(readConfig(['--demo', '--tls-hosts', 'store lan'], {}, defaults)).toMatchObject({
      kind: 'error',
      message: /tlsHosts/,
    });
    expect(readConfig(['--demo', '--tls-cert-days', '5000'], {}, defaults)).toMatchObject({
      kind: 'error',
      message: /tlsCertDays/,
    });
  });

  it('takes the host names for the certificate', () => {
    expect(
      readConfig(['--demo', '--tls-hosts', 'store-0042.lan, 10.0.4.2'], {}, defaults),
    ).toMatchObject({ kind: 'config', config: { tlsHosts: ['store-0042.lan', '10.0.4.2'] } });
  });
});
