import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

const defaults = { appsDir: '/repo' };
/** Every option test runs for a named store, as a real one would. */
const store = { VITRINE_STORE: 'paris-rivoli' };

describe('store server configuration', () => {
  it('has working defaults, and the demo serves its own store', () => {
    const result = readConfig(['--demo'], {}, defaults);
    expect(result.kind).toBe('config');
    if (result.kind !== 'config') return;
    expect(result.config).toMatchObject({
      storeId: 'paris-rivoli',
      httpPort: 8080,
      mqttPort: 1883,
      demo: true,
    });
  });

  it('asks for the store id outside the demo', () => {
    expect(readConfig([], {}, defaults)).toMatchObject({
      kind: 'error',
      message: /storeId: required: --store/,
    });
    expect(readConfig([], { VITRINE_STORE: 'lyon-1' }, defaults)).toMatchObject({
      kind: 'config',
      config: { storeId: 'lyon-1', demo: false },
    });
  });

  it('takes flags over environment variables', () => {
    const result = readConfig(
      ['--port', '9000', '--demo'],
      { VITRINE_PORT: '7000', VITRINE_STORE: 'lyon-1' },
      defaults,
    );
    expect(result).toMatchObject({
      kind: 'config',
      config: { httpPort: 9000, storeId: 'lyon-1', demo: true },
    });
  });

  it('reads the hosts on the store network images may come from', () => {
    expect(
      readConfig(['--image-hosts', 'images.store.lan, 10.0.0.5:8080'], store, defaults),
    ).toMatchObject({
      kind: 'config',
      config: { imageHosts: ['images.store.lan', '10.0.0.5:8080'] },
    });
    expect(readConfig([], { ...store, VITRINE_IMAGE_HOSTS: 'a b' }, defaults)).toMatchObject({
      kind: 'error',
      message: /imageHosts/,
    });
  });

  it('names the field that is wrong', () => {
    expect(readConfig(['--port', 'eighty'], {}, defaults)).toMatchObject({
      kind: 'error',
      message: /httpPort/,
    });
    expect(readConfig(['--store', 'a/b'], {}, defaults)).toMatchObject({
      kind: 'error',
      message: /store id/,
    });
    expect(readConfig(['--admin-token', 'short'], {}, defaults)).toMatchObject({
      kind: 'error',
      message: /adminToken/,
    });
    expect(readConfig(['--broker', 'not a url'], {}, defaults)).toMatchObject({
      kind: 'error',
      message: /brokerUrl/,
    });
    expect(readConfig(['--bogus'], {}, defaults)).toMatchObject({
      kind: 'error',
      message: /bogus/,
    });
  });

  it('reads the store currency and refuses a code that is none', () => {
    expect(readConfig([], store, defaults)).toMatchObject({ config: { currency: undefined } });
    expect(readConfig([], { ...store, VITRINE_CURRENCY: 'CHF' }, defaults)).toMatchObject({
      config: { currency: 'CHF' },
    });
    expect(readConfig(['--currency', 'GBP'], store, defaults)).toMatchObject({
      config: { currency: 'GBP' },
    });
    expect(readConfig(['--currency', 'euro'], store, defaults)).toMatchObject({
      kind: 'error',
      message: /currency/,
    });
  });

  it('validates the time zone, STUN/TURN servers and shared-look settings', () => {
    const good = readConfig(
      [
        '--time-zone',
        'America/Montreal',
        '--ice-servers',
        '[{"urls":"turn:turn.store.lan:3478","username":"u","credential":"p"}]',
        '--look-public-url',
        'https://looks.example.com/x',
      ],
      { ...store, VITRINE_LOOK_TTL_HOURS: '2.5' },
      defaults,
    );
    expect(good).toMatchObject({
      kind: 'config',
      config: {
        timeZone: 'America/Montreal',
        iceServers: [{ urls: 'turn:turn.store.lan:3478', username: 'u', credential: 'p' }],
        lookTtlHours: 2.5,
        lookPublicUrl: 'https://looks.example.com',
      },
    });
    expect(readConfig([], store, defaults)).toMatchObject({
      config: { timeZone: 'Europe/Paris', lookTtlHours: 24 },
    });
    expect(readConfig(['--time-zone', 'Mars/Olympus'], store, defaults)).toMatchObject({
      kind: 'error',
      message: /timeZone/,
    });
    expect(readConfig(['--ice-servers', '[{'], store, defaults)).toMatchObject({
      kind: 'error',
      message: /iceServers: must be JSON/,
    });
    expect(readConfig(['--ice-servers', '[{"url":"x"}]'], store, defaults)).toMatchObject({
      kind: 'error',
      message: /iceServers/,
    });
    for (const ttl of ['0', '-3', 'abc', '100000']) {
      expect(readConfig(['--look-ttl-hours', ttl], store, defaults)).toMatchObject({
        kind: 'error',
        message: /lookTtlHours/,
      });
    }
    expect(readConfig(['--look-public-url', 'javascript:alert(1)'], store, defaults)).toMatchObject(
      {
        kind: 'error',
        message: /lookPublicUrl/,
      },
    );
  });

  it('reads the TURN secret and URLs together, or neither', () => {
    const secret = 'a-long-shared-turn-secret';
    expect(
      readConfig(
        ['--turn-urls', 'turn:turn.lan:3478, turns:turn.lan:5349', '--turn-secret', secret],
        store,
        defaults,
      ),
    ).toMatchObject({
      kind: 'config',
      config: {
        turnUrls: ['turn:turn.lan:3478', 'turns:turn.lan:5349'],
        turnSecret: secret,
        turnTtlMinutes: 240,
      },
    });
    expect(readConfig(['--turn-secret', secret], store, defaults)).toMatchObject({
      kind: 'error',
      message: /turnSecret: --turn-urls and --turn-secret go together/,
    });
    expect(
      readConfig(['--turn-urls', 'http://turn.lan', '--turn-secret', secret], store, defaults),
    ).toMatchObject({ kind: 'error', message: /turnUrls/ });
    expect(
      readConfig(['--turn-urls', 'turn:turn.lan', '--turn-secret', 'short'], store, defaults),
    ).toMatchObject({ kind: 'error', message: /turnSecret/ });
    expect(
      readConfig([], { VITRINE_TURN_TTL_MINUTES: '2', VITRINE_TURN_URLS: 'turn:t' }, defaults),
    ).toMatchObject({ kind: 'error', message: /turnTtlMinutes/ });
  });

  it('reads the free-space floor below which the server turns read-only', () => {
    expect(readConfig([], store, defaults)).toMatchObject({ config: { storageFloorMb: 32 } });
    expect(readConfig(['--storage-floor-mb', '4'], store, defaults)).toMatchObject({
      config: { storageFloorMb: 4 },
    });
    expect(readConfig([], { ...store, VITRINE_STORAGE_FLOOR_MB: '0' }, defaults)).toMatchObject({
      config: { storageFloorMb: 0 },
    });
    expect(readConfig(['--storage-floor-mb', '-1'], store, defaults)).toMatchObject({
      kind: 'error',
      message: /storageFloorMb/,
    });
  });

  it('reads the sign-in limits, within sane bounds', () => {
    expect(
      readConfig(
        ['--sign-in-failures', '8'],
        { ...store, VITRINE_SIGN_IN_CLIENT_FAILURES: '50' },
        defaults,
      ),
    ).toMatchObject({ kind: 'config', config: { signInFailures: 8, signInClientFailures: 50 } });
    expect(readConfig(['--sign-in-failures', '1'], store, defaults)).toMatchObject({
      kind: 'error',
      message: /signInFailures/,
    });
  });

  it('answers --help', () => {
    expect(readConfig(['--help'], store, defaults)).toEqual({ kind: 'help' });
  });
});
