// OpenDataCam has no push: this bridge polls its status (the people each counting line has
// counted since its recording started) and pushes each poll's new passages to the store as one
// period of the generic shape (docs/insights.md). Lines are named by the store: those counting
// people in, those counting people out. A new recording (or a count that went down) starts
// from zero. A push the store did not take is kept and sent again with the next one; the store
// keeps a period per counter, zone and start, so a resend never counts twice. With a state file,
// the last reading and what is pending outlive a restart of the bridge.
import { z } from 'zod';
import { MAX_PERIODS_PER_PUSH, type GenericCounts } from '@vitrine/shared/core';
import { loadBridgeState, saveBridgeState, type BridgeState } from './odc-state';

/** What the bridge reads of OpenDataCam's `GET /status` (v3). */
const OdcStatus = z.object({
  counterSummary: z.record(z.string(), z.record(z.string(), z.number().int().nonnegative())),
  appState: z
    .object({
      recordingStatus: z
        .object({ recordingId: z.string().nullish(), isRecording: z.boolean().optional() })
        .optional(),
    })
    .optional(),
});
/** What the bridge reads of `GET /counter/areas`: each line's id and the name given to it. */
const OdcAreas = z.record(z.string(), z.object({ name: z.string() }));

/** Periods kept while the store cannot be reached: a day of one-minute polls. */
const MAX_PENDING = 1_440;

export interface OdcBridgeOptions {
  /** OpenDataCam's address, e.g. http://jetson.local:8080. */
  odcUrl: string;
  /** The store server's push address (the counter's `pushPath` on the store's URL). */
  pushUrl: string;
  counterId: string;
  secret: string;
  /** Names of the counting lines whose passages are people coming in, and going out. */
  inLines: readonly string[];
  outLines: readonly string[];
  /** The zone the periods are counted in (the counter's place in the store). */
  zone: string;
  /** The object class counted (OpenDataCam counts cars, bicycles…): people by default. */
  objectClass?: string;
  /** Where the last reading and the pending periods are kept between runs (none: in memory). */
  stateFile?: string;
  fetch?: typeof fetch;
}

export type TickResult =
  | { kind: 'baseline' }
  | { kind: 'pushed'; periods: number; in: number; out: number }
  | { kind: 'kept'; pending: number; reason: string };

type Period = BridgeState['pending'][number];

export class OdcBridge {
  private last: { at: number; recording: string | null; counts: Map<string, number> } | null = null;
  private pending: Period[] = [];
  private readonly fetch: typeof fetch;
  /** How the bridge started: afresh, from its state file, or afresh because that file was bad. */
  readonly startedFrom: string;

  constructor(private readonly options: OdcBridgeOptions) {
    this.fetch = options.fetch ?? fetch;
    if (!options.stateFile) {
      this.startedFrom = 'no state file: a restart counts from its first reading';
      return;
    }
    const { state, problem } = loadBridgeState(options.stateFile);
    this.pending = state.pending;
    if (state.last)
      this.last = { ...state.last, counts: new Map(Object.entries(state.last.counts)) };
    this.startedFrom =
      problem ??
      (state.last
        ? `resumed from ${options.stateFile} (last reading ${new Date(state.last.at).toISOString()}, ${state.pending.length} period(s) pending)`
        : `state kept in ${options.stateFile}`);
  }

  /** One poll of OpenDataCam and one push of what is new (with whatever is still pending). */
  async tick(now = Date.now()): Promise<TickResult> {
    const [status, areas] = await Promise.all([
      this.read('/status', OdcStatus),
      this.read('/counter/areas', OdcAreas),
    ]);
    const recording = status.appState?.recordingStatus?.recordingId ?? null;
    const kind = this.options.objectClass ?? 'person';
    const counts = new Map(
      Object.entries(status.counterSummary).map(([id, summary]) => [id, summary[kind] ?? 0]),
    );
    const previous = this.last;
    this.last = { at: now, recording, counts };
    if (!previous) {
      this.save();
      return { kind: 'baseline' };
    }
    const sum = (lines: readonly string[]) => {
      let total = 0;
      for (const [id, count] of counts) {
        const name = areas[id]?.name;
        if (name === undefined || !lines.includes(name)) continue;
        const before = previous.recording === recording ? (previous.counts.get(id) ?? 0) : 0;
        // A count below the last one is a new count from zero (OpenDataCam restarted).
        total += count >= before ? count - before : count;
      }
      return total;
    };
    if (now > previous.at)
      this.pending.push({
        zone: this.options.zone,
        from: new Date(previous.at).toISOString(),
        to: new Date(now).toISOString(),
        in: sum(this.options.inLines),
        out: sum(this.options.outLines),
      });
    this.pending = this.pending.slice(-MAX_PENDING);
    const result = await this.push();
    this.save();
    return result;
  }

  private save(): void {
    if (!this.options.stateFile || !this.last) return;
    saveBridgeState(this.options.stateFile, {
      last: { ...this.last, counts: Object.fromEntries(this.last.counts) },
      pending: this.pending,
    });
  }

  private async push(): Promise<TickResult> {
    const periods = this.pending.slice(0, MAX_PERIODS_PER_PUSH);
    if (periods.length === 0) return { kind: 'pushed', periods: 0, in: 0, out: 0 };
    const basic = Buffer.from(`${this.options.counterId}:${this.options.secret}`).toString(
      'base64',
    );
    let reason: string;
    try {
      const response = await this.fetch(this.options.pushUrl, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' },
        body: JSON.stringify({ periods } satisfies GenericCounts),
      });
      if (response.ok) {
        this.pending = this.pending.slice(periods.length);
        return {
          kind: 'pushed',
          periods: periods.length,
          in: periods.reduce((total, period) => total + period.in, 0),
          out: periods.reduce((total, period) => total + period.out, 0),
        };
      }
      // Refused for what it holds (a malformed or wrong-clock period): sending it again changes
      // nothing. A refused credential or a flood is kept: fixed, the same periods go.
      if (response.status === 400 || response.status === 422) {
        this.pending = this.pending.slice(periods.length);
        return {
          kind: 'kept',
          pending: this.pending.length,
          reason: `the store refused the push (${response.status}): ${await response.text()}`,
        };
      }
      reason = `the store answered ${response.status}`;
    } catch (error) {
      reason = `the store cannot be reached: ${(error as Error).message}`;
    }
    return { kind: 'kept', pending: this.pending.length, reason };
  }

  private async read<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const response = await this.fetch(new URL(path, this.options.odcUrl));
    if (!response.ok) throw new Error(`OpenDataCam ${path} answered ${response.status}`);
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success)
      throw new Error(`OpenDataCam ${path} is not what the bridge reads: ${parsed.error.message}`);
    return parsed.data;
  }
}
