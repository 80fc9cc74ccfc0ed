// One real nats-server with JetStream for head office's own tests: it includes a users file
// (as the cluster's nodes do) and writes a pid file, so a test reloads it the way HQ does.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findNatsServer } from '../local';

export type TestNatsNode = { url: string; pidFile: string; stop: () => Promise<void> };

export async function startTestNatsNode(dir: string, usersFile: string): Promise<TestNatsNode> {
  const store = join(dir, 'js');
  mkdirSync(store, { recursive: true });
  const pidFile = join(dir, 'nats.pid');
  const config = join(dir, 'nats.conf');
  writeFileSync(
    config,
    [
      'listen: "127.0.0.1:-1"',
      `pid_file: ${JSON.stringify(pidFile)}`,
      `jetstream { store_dir: ${JSON.stringify(store)} }`,
      // nats-server reads an include relative to the config's own folder.
      `authorization {\n  include ${JSON.stringify(relative(dir, usersFile))}\n}`,
      '',
    ].join('\n'),
  );
  const child = spawn(findNatsServer(), ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const url = await new Promise<string>((resolve, reject) => {
    let log = '';
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const port = /Listening for client connections on [\d.]+:(\d+)/.exec(log)?.[1];
      if (port && log.includes('Server is ready')) resolve(`nats://127.0.0.1:${port}`);
    });
    child.once('exit', (code) => reject(new Error(`nats-server exited (${code}): ${log}`)));
  });
  return {
    url,
    pidFile,
    stop: async () => {
      process.off('exit', kill);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
