import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

const defaults = { appsDir: '/repo' };

describe('store server configuration', () => {
  it('has working defaults', () => {
    const result = readConfig([], {}, defaults);
    expect(result.kind).toBe('config');
    if (result.kind !== 'config') return;
    expect(result.config).toMatchObject({
      storeId: 'demo-store',
      httpPort: 8080,
      mqttPort: 1883,
      demo: false,
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

  it('answers --help', () => {
    expect(readConfig(['--help'], {}, defaults)).toEqual({ kind: 'help' });
  });
});
