// The demo started exactly as the README tells a new user (its "Try the demo
// store" command, minus the install), on free ports and a fresh data
// directory given through the environment variables --help documents.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './server-process';
import { freshDataDir, REPO_ROOT, waitFor } from './test-server';

export type DemoProcess = {
  base: string;
  dataDir: string;
  /** Everything the command printed so far (stdout and stderr). */
  output: () => string;
  /** Stops npm, the shell and the server together (one process group); idempotent. */
  stop: () => Promise<void>;
};

/** The commands under "Try the demo store" in the README, without `npm install`. */
function readmeStartCommand(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const block = /## Try the demo store\s+```sh\n([^`]+)```/.exec(readme)?.[1]?.trim();
  if (!block) throw new Error('README has no "Try the demo store" command block');
  const commands = block.split('&&').map((command) => command.trim());
  if (commands[0] !== 'npm install')
    throw new Error(`README's demo command should start with npm install: ${block}`);
  return commands.slice(1).join(' && ');
}

export async function startDemo(timeoutMs = 150_000): Promise<DemoProcess> {
  const port = await freePort();
  const dataDir = freshDataDir('vitrine-demo');
  const child = spawn('sh', ['-c', readmeStartCommand()], {
    cwd: REPO_ROOT,
    detached: true,
    env: {
      ...process.env,
      VITRINE_PORT: String(port),
      VITRINE_MQTT_PORT: String(await freePort()),
      VITRINE_HTTPS_PORT: String(await freePort()),
      VITRINE_MQTTS_PORT: String(await freePort()),
      VITRINE_DATA: dataDir,
      VITRINE_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (!child.pid || !running()) return;
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  await waitFor(
    () => output.includes('loyalty cards to scan at the till') || !running(),
    'the demo banner',
    timeoutMs,
  );
  if (!running()) throw new Error(`the demo stopped:\n${output}`);
  return { base: `http://localhost:${port}`, dataDir, output: () => output, stop };
}
