// A chain's rule for feeds that are mostly wrong: above this share of refused
// lines in any one file, the whole import is refused and nothing changes (a
// broken export must not withdraw half the catalogue).
import { z } from 'zod';
import { reportMessage, reportText, type ReportMessage } from './report-messages';

const PERCENT = 'a share of lines in %, from 0 to 100';

export const ImportPolicy = z.object({
  /** Refused lines per file, in %, above which the import stops (0: any refused line stops it). */
  maxBadLinePercent: z
    .number({ error: PERCENT })
    .min(0, { error: PERCENT })
    .max(100, { error: PERCENT }),
});
export type ImportPolicy = z.infer<typeof ImportPolicy>;

export const DEFAULT_IMPORT_POLICY: ImportPolicy = { maxBadLinePercent: 5 };

export type ImportMode = 'full' | 'incremental';
type FileCounts = { kind: string; lines: number; rejected: number };

/**
 * Why the import must stop, as a message (the job shows it in the reader's language),
 * or null when it may go on.
 */
export function policyRefusalMessage(
  files: Record<string, FileCounts>,
  policy: ImportPolicy,
  mode: ImportMode,
): ReportMessage | null {
  for (const [file, counts] of Object.entries(files)) {
    if (counts.kind === 'products' && mode === 'full' && counts.lines === counts.rejected) {
      // A full import withdraws what its feed lacks: an empty product feed would withdraw everything.
      return reportMessage('policy_no_product', { file });
    }
    if (counts.lines === 0) continue;
    const percent = (100 * counts.rejected) / counts.lines;
    if (percent > policy.maxBadLinePercent) {
      return reportMessage('policy_bad_lines', {
        file,
        rejected: counts.rejected,
        lines: counts.lines,
        percent,
        max: policy.maxBadLinePercent,
      });
    }
  }
  return null;
}

/** The same refusal in English (the job's `reason`, the CLI, the logs), or null. */
export function policyRefusal(
  files: Record<string, FileCounts>,
  policy: ImportPolicy,
  mode: ImportMode,
): string | null {
  const message = policyRefusalMessage(files, policy, mode);
  return message && reportText(message, 'en')!;
}
