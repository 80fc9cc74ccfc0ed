// The bridge's memory between runs: OpenDataCam's last reading and the periods the store has not
// taken yet. Kept in a small JSON file written whole and renamed into place, so a restart (or a
// power cut) resumes from the last poll instead of losing the passages since it.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { GenericCounts } from '@vitrine/shared/core';

const BridgeState = z.object({
  last: z
    .object({
      at: z.number(),
      recording: z.string().nullable(),
      counts: z.record(z.string(), z.number().int().nonnegative()),
    })
    .nullable(),
  pending: z.array(GenericCounts.shape.periods.element),
});
export type BridgeState = z.infer<typeof BridgeState>;

const EMPTY_STATE: BridgeState = { last: null, pending: [] };

/** The state kept in `file`; a missing file is a first run, an unreadable one is said and reset. */
export function loadBridgeState(file: string): { state: BridgeState; problem?: string } {
  if (!existsSync(file)) return { state: EMPTY_STATE };
  try {
    const parsed = BridgeState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return { state: parsed.data };
    return { state: EMPTY_STATE, problem: `${file} is not the bridge's state: starting afresh` };
  } catch (error) {
    return { state: EMPTY_STATE, problem: `${file}: ${(error as Error).message}; starting afresh` };
  }
}

export function saveBridgeState(file: string, state: BridgeState): void {
  mkdirSync(dirname(file), { recursive: true });
  const next = `${file}.next`;
  writeFileSync(next, JSON.stringify(state));
  renameSync(next, file);
}
