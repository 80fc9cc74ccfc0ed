// The loadtest's table for people (stdout) and its JSON for scripts (bench-results/loadtest.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LoadtestResult, Measured } from './loadtest';

const ms = (spread: Measured | undefined) =>
  spread
    ? `p50 ${spread.p50}  p95 ${spread.p95}  p99 ${spread.p99}  max ${spread.max} ms  (n ${spread.n}, missed ${spread.missed})`
    : 'no sample';

export function resultTable(result: LoadtestResult): string {
  const { events } = result;
  const rows: [string, string][] = [
    ['date', result.date],
    [
      'chain',
      `${result.stores} stores × ${result.devicesPerStore} screens = ${result.devices} (${result.workers} workers), events ${result.eventRate}/s each for ${result.seconds} s`,
    ],
    [
      'set-up',
      `chain ${Math.round(result.setupMs.chain / 1000)} s, enrolment ${Math.round(result.setupMs.enrol / 1000)} s, screens up ${Math.round(result.setupMs.devicesUp / 1000)} s (${result.failedDevices.length} failed)`,
    ],
    [`publish → showing (${result.publish?.rounds ?? 0} rounds)`, ms(result.publish)],
    [
      `stock → ${result.stock?.storeDevices ?? 0} screens of ${result.stock?.store ?? '-'} (${result.stock?.rounds ?? 0} corrections)`,
      ms(result.stock),
    ],
    [
      'events',
      `${events.acked} acked to screens, ${events.stored} in PostgreSQL, ${events.eventsPerSecond}/s into PostgreSQL`,
    ],
    [
      'lost / doubled',
      `${events.lost} lost (${events.owedByStores} more acked but still in their stores' hq_outbox: late); doubled ${events.doubledBySeq} by (store, device, seq), ${events.doubledByPlay} by playId`,
    ],
    [
      'in flight at the end',
      `${events.pendingAtEnd} unacked in outboxes, ${events.storedUnacked} stored but unacked, ${events.rejected} refused, ${events.resent} resent`,
    ],
    ...result.rss.map((row): [string, string] => [
      `RSS ${row.group}`,
      `${row.peakMb} MB peak, ${row.nowMb} MB at the end (${row.processes} process${row.processes === 1 ? '' : 'es'}); CPU ${row.cpuSeconds} s`,
    ]),
    [
      'load average',
      `${result.load.start.join(' ')} at the start, ${result.load.end.join(' ')} at the end (2 cores)`,
    ],
    ...result.targets.map((target): [string, string] => [
      `target: ${target.name}`,
      `${target.met ? 'met' : 'MISSED'}: ${target.measured} (${target.target})`,
    ]),
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`).join('\n');
}

export function writeResult(file: string, result: LoadtestResult): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
}
