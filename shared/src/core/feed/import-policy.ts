// A chain's rule for feeds that are mostly wrong: above this share of refused
// lines in any one file, the whole import is refused and nothing changes (a
// broken export must not withdraw half the catalogue).
import { z } from 'zod';

export const ImportPolicy = z.object({
  /** Refused lines per file, in %, above which the import stops. */
  maxBadLinePercent: z.number().min(0).max(100),
});
export type ImportPolicy = z.infer<typeof ImportPolicy>;

export const DEFAULT_IMPORT_POLICY: ImportPolicy = { maxBadLinePercent: 5 };

export type ImportMode = 'full' | 'incremental';
type FileCounts = { kind: string; lines: number; rejected: number };

/** Why the import must stop, or null when it may go on. */
export function policyRefusal(
  files: Record<string, FileCounts>,
  policy: ImportPolicy,
  mode: ImportMode,
): string | null {
  for (const [file, counts] of Object.entries(files)) {
    if (counts.kind === 'products' && mode === 'full' && counts.lines === counts.rejected) {
      // A full import withdraws what its feed lacks: an empty product feed would withdraw everything.
      return `${file}: a full import needs at least one valid product line`;
    }
    if (counts.lines === 0) continue;
    const percent = (100 * counts.rejected) / counts.lines;
    if (percent > policy.maxBadLinePercent) {
      return `${file}: ${counts.rejected} of ${counts.lines} lines refused (${percent.toFixed(1)} %), above the ${policy.maxBadLinePercent} % this chain allows`;
    }
  }
  return null;
}
