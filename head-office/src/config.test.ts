import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

const URL_FLAG = ['--database-url', 'postgres://vitrine@127.0.0.1:5432/vitrine_hq'];

describe('head-office configuration', () => {
  it('reads flags, with defaults for what is left out', () => {
    const nats = ['--nats-urls', 'nats://a:4222, nats://b:4222', '--nats-seed-file', 'hq.seed'];
    expect(readConfig([...URL_FLAG, ...nats], {})).toEqual({
      kind: 'config',
      config: {
        databaseUrl: 'postgres://vitrine@127.0.0.1:5432/vitrine_hq',
        httpHost: '0.0.0.0',
        httpPort: 8090,
        natsUrls: ['nats://a:4222', 'nats://b:4222'],
        natsSeedFile: 'hq.seed',
        dataDir: '.data/head-office',
        logLevel: 'info',
      },
    });
  });

  it('takes the environment when a flag is absent, and the flag over it', () => {
    const env = { VITRINE_HQ_DATABASE_URL: 'postgresql://db/hq', VITRINE_HQ_HTTP_PORT: '0' };
    const fromEnv = readConfig([], env);
    expect(fromEnv.kind === 'config' && fromEnv.config).toMatchObject({
      databaseUrl: 'postgresql://db/hq',
      httpPort: 0,
      natsUrls: undefined,
    });
    const flagWins = readConfig(['--http-port', '9000'], env);
    expect(flagWins.kind === 'config' && flagWins.config.httpPort).toBe(9000);
  });

  it('names the field of each mistake', () => {
    expect(readConfig([], {})).toEqual({
      kind: 'error',
      message: 'databaseUrl: required: --database-url or VITRINE_HQ_DATABASE_URL',
    });
    const wrong = readConfig(
      ['--database-url', 'mysql://db/hq', '--http-port', '70000', '--nats-urls', 'http://a'],
      {},
    );
    expect(wrong.kind).toBe('error');
    const message = wrong.kind === 'error' ? wrong.message : '';
    expect(message).toContain('databaseUrl: a URL such as postgres://');
    expect(message).toContain('httpPort:');
    expect(message).toContain('natsUrls.0: nats://host:port');
    expect(readConfig(['--colour', 'red'], {})).toMatchObject({ kind: 'error' });
    expect(readConfig([...URL_FLAG, '--nats-urls', 'nats://a:4222'], {})).toEqual({
      kind: 'error',
      message:
        'natsSeedFile: required with --nats-urls: --nats-seed-file (head office’s nkey seed)',
    });
  });
});

describe('head-office configuration of the link’s users', () => {
  it('reads the users file, seed, pid files and admin token, and refuses a users file without a seed', () => {
    const result = readConfig(
      [
        ...URL_FLAG,
        ...['--nats-users-file', '/n/users.conf', '--nats-seed-file', '/hq/nats.seed'],
        ...['--nats-pid-files', '/n/1.pid, /n/2.pid', '--admin-token', 'a-long-admin-token-123'],
      ],
      {},
    );
    expect(result.kind === 'config' && result.config).toMatchObject({
      natsUsersFile: '/n/users.conf',
      natsSeedFile: '/hq/nats.seed',
      natsPidFiles: ['/n/1.pid', '/n/2.pid'],
      adminToken: 'a-long-admin-token-123',
    });
    const noSeed = readConfig([...URL_FLAG, '--nats-users-file', '/n/users.conf'], {});
    expect(noSeed.kind === 'error' && noSeed.message).toMatch(/natsSeedFile: .*--nats-seed-file/);
    const short = readConfig([...URL_FLAG, '--admin-token', 'short'], {});
    expect(short.kind === 'error' && short.message).toMatch(/adminToken: at least 16/);
    // A generated token may start with '-': joined with '=' it is read as the option's value.
    const dashed = readConfig([...URL_FLAG, '--admin-token=-Xa1b2c3d4e5f6g7h8'], {});
    expect(dashed.kind === 'config' && dashed.config.adminToken).toBe('-Xa1b2c3d4e5f6g7h8');
  });
});
