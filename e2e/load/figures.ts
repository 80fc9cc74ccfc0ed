// The loadtest's arithmetic and what it reads off the machine: percentiles (nearest rank), a
// process's resident memory (/proc/<pid>/status VmRSS) and CPU time (/proc/<pid>/stat), and
// the load average.
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

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** User + system CPU time of `pid` in ticks, or undefined when it is gone. */
function cpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) start at state (field 3); utime and
    // stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

export type RssRow = {
  group: string;
  processes: number;
  nowMb: number;
  peakMb: number;
  /** CPU seconds the group used while sampled (user + system): where the machine's time went. */
  cpuSeconds: number;
};

/**
 * Peak and latest RSS per group of processes, and the CPU time each group used since the first
 * sample (a group's figure is the sum over its pids; the pids are asked again at each sample,
 * as PostgreSQL's backends come and go, and a pid first seen later counts from its start).
 */
export class RssSampler {
  private readonly rows = new Map<string, RssRow>();
  private readonly lastTicks = new Map<number, number>();
  private first = true;

  constructor(private readonly groups: () => Record<string, number[]>) {}

  sample(): void {
    for (const [group, pids] of Object.entries(this.groups())) {
      const nowMb = pids.reduce((sum, pid) => sum + rssMb(pid), 0);
      const row = this.rows.get(group) ?? {
        group,
        processes: 0,
        nowMb: 0,
        peakMb: 0,
        cpuSeconds: 0,
      };
      let ticks = 0;
      for (const pid of pids) {
        const now = cpuTicks(pid);
        if (now === undefined) continue;
        ticks += now - (this.lastTicks.get(pid) ?? (this.first ? now : 0));
        this.lastTicks.set(pid, now);
      }
      this.rows.set(group, {
        group,
        processes: pids.length,
        nowMb: Math.round(nowMb),
        peakMb: Math.round(Math.max(row.peakMb, nowMb)),
        cpuSeconds: Math.round((row.cpuSeconds + ticks / TICKS_PER_SECOND) * 10) / 10,
      });
    }
    this.first = false;
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
