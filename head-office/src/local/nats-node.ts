// One nats-server node: its process, its log file, and the waits that read its monitor.
import type { ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { configLoadTime, isHealthy } from './nats-monitor';
import { exited, spawnOwnChild } from './own-child';

const POLL_MS = 100;
const TAIL_LINES = 30;
const STOP_GRACE_MS = 5_000;
const TERMINATING: ReadonlySet<NodeJS.Signals> = new Set(['SIGKILL', 'SIGTERM', 'SIGINT']);

/** A node that died or did not come up in time; `message` ends with its log tail. */
export class NatsNodeError extends Error {
  constructor(
    message: string,
    /** The node lost a port race with another process: a fresh set of ports may work. */
    readonly portTaken: boolean,
  ) {
    super(message);
    this.name = 'NatsNodeError';
  }
}

// Our /healthz polls make the node log a warning each time; only the last one says anything.
const HEALTH_WARNING = /Healthcheck failed/;

function withoutRepeatedHealthWarnings(lines: string[]): string[] {
  const last = lines.findLastIndex((line) => HEALTH_WARNING.test(line));
  return lines.filter((line, index) => index === last || !HEALTH_WARNING.test(line));
}

/** The last lines of a node's log, read from its end (a node's log can grow large). */
function tailOf(file: string, lines = TAIL_LINES): string {
  try {
    const size = statSync(file).size;
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    const fd = openSync(file, 'r');
    try {
      readSync(fd, buffer, 0, length, size - length);
    } finally {
      closeSync(fd);
    }
    const all = buffer.toString('utf8').trimEnd().split('\n');
    return withoutRepeatedHealthWarnings(all).slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function readFrom(file: string, offset: number): string {
  const size = existsSync(file) ? statSync(file).size : 0;
  if (size <= offset) return '';
  const buffer = Buffer.alloc(size - offset);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}

export type NodeFiles = { configFile: string; logFile: string; storeDir: string; pidFile: string };

export class NatsNodeProcess {
  private child: ChildProcess | undefined;
  /** Where this run's lines begin in the log file. */
  private runOffset = 0;

  constructor(
    readonly name: string,
    private readonly natsServer: string,
    readonly files: NodeFiles,
    readonly monitorUrl: string,
  ) {}

  get pid(): number | undefined {
    return this.isRunning() ? this.child?.pid : undefined;
  }

  isRunning(): boolean {
    const child = this.child;
    return !!child && child.exitCode === null && child.signalCode === null;
  }

  /** Starts the process (no wait); a node already running is left as it is. */
  spawn(): void {
    if (this.isRunning()) return;
    appendFileSync(this.files.logFile, `--- vitrine: starting ${this.name} ---\n`);
    this.runOffset = statSync(this.files.logFile).size;
    // Both output streams go straight to the log file: nothing to drain, panics included.
    const log = openSync(this.files.logFile, 'a');
    try {
      this.child = spawnOwnChild(this.natsServer, ['-c', this.files.configFile], {
        stdio: ['ignore', log, log],
      });
    } finally {
      closeSync(log);
    }
  }

  /** Waits for `/healthz` ok; throws with the log tail if the node exits or the deadline passes. */
  async waitHealthy(deadline: number): Promise<void> {
    for (;;) {
      if (!this.isRunning()) throw this.failure('exited while starting');
      if (await isHealthy(this.monitorUrl)) return;
      if (Date.now() > deadline) throw this.failure('was not healthy in time');
      await sleep(POLL_MS);
    }
  }

  /** Sends `signal`; for SIGKILL, SIGTERM and SIGINT also waits until the process has exited. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || !this.isRunning()) return;
    child.kill(signal);
    if (TERMINATING.has(signal)) await exited(child);
  }

  /** SIGTERM, then SIGKILL if it lingers; resolves once the process has exited. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.isRunning()) return;
    child.kill('SIGTERM');
    const done = exited(child);
    const graceful = await Promise.race([done.then(() => true), sleep(STOP_GRACE_MS, false)]);
    if (!graceful) child.kill('SIGKILL');
    await done;
  }

  /**
   * SIGHUP, then waits until the monitor shows a new config load time. A refused config
   * (the node logs "Failed to reload" and keeps the old one) throws with the log tail.
   */
  async reload(timeoutMs: number): Promise<void> {
    const child = this.child;
    if (!child || !this.isRunning()) return;
    const before = await configLoadTime(this.monitorUrl);
    const logOffset = statSync(this.files.logFile).size;
    child.kill('SIGHUP');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const now = await configLoadTime(this.monitorUrl);
      if (now && now !== before) return;
      const logged = readFrom(this.files.logFile, logOffset);
      if (/failed to reload/i.test(logged)) throw this.failure('refused the new configuration');
      if (!this.isRunning()) throw this.failure('exited on reload');
      if (Date.now() > deadline) throw this.failure('did not reload in time');
      await sleep(POLL_MS);
    }
  }

  failure(what: string): NatsNodeError {
    const tail = tailOf(this.files.logFile);
    const exit = this.child?.exitCode ?? this.child?.signalCode;
    const status = this.isRunning() ? '' : ` (exit ${String(exit ?? 'unknown')})`;
    return new NatsNodeError(
      `nats-server ${this.name} ${what}${status}; last lines of ${this.files.logFile}:\n${tail}`,
      /address already in use/i.test(readFrom(this.files.logFile, this.runOffset)),
    );
  }
}
