// The loadtest's arithmetic and what it reads off the machine: percentiles (nearest rank), a
// process's resident memory (/proc/<pid>/status VmRSS) and the load average.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

export type Spread = { n: number; p50: number; p95: number; p99: number; max: number };

/** Nearest-rank percentiles of `values` (ms), or undefined when there is none. */
export function spreadOf(values: readonly number[]): Spread | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    n: sorted.length,
    p50: round(rank(50)),
    p95: round(rank(95)),
    p99: round(rank(99)),
    max: round(sorted.at(-1)!),
  };
}

/** Resident memory of `pid` in MB, or 0 when it is gone. */
function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

export type RssRow = { group: string; processes: number; nowMb: number; peakMb: number };

/**
 * Peak and latest RSS per group of processes (a group's figure is the sum over its pids; the
 * pids are asked again at each sample, as PostgreSQL's backends come and go).
 */
export class RssSampler {
  private readonly rows = new Map<string, RssRow>();

  constructor(private readonly groups: () => Record<string, number[]>) {}

  sample(): void {
    for (const [group, pids] of Object.entries(this.groups())) {
      const nowMb = pids.reduce((sum, pid) => sum + rssMb(pid), 0);
      const row = this.rows.get(group) ?? { group, processes: 0, nowMb: 0, peakMb: 0 };
      this.rows.set(group, {
        group,
        processes: pids.length,
        nowMb: Math.round(nowMb),
        peakMb: Math.round(Math.max(row.peakMb, nowMb)),
      });
    }
  }

  table(): RssRow[] {
    return [...this.rows.values()];
  }
}

/** The 1, 5 and 15 minute load averages, two decimals. */
export function loadAverage(): [number, number, number] {
  const [one, five, fifteen] = loadavg().map((value) => Math.round(value * 100) / 100);
  return [one!, five!, fifteen!];
}
