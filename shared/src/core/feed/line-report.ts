// One row of an import's report: which line of which file, which field, what was
// wrong with it and what the import did (the line refused, or taken with a warning).
import { z } from 'zod';
import { ReportMessage, reported } from './report-messages';

export const ReportAction = z.enum(['rejected', 'warning']);
export type ReportAction = z.infer<typeof ReportAction>;

export const ReportEntry = z.object({
  file: z.string(),
  /** The line the record starts on, 1 = the header or the XML declaration. */
  line: z.number().int().nonnegative(),
  /** A canonical column (`price`), a header as written for an unknown column, or '' for the line. */
  field: z.string(),
  /** In English: the CLI, the TSV report and jobs written before codes read it. */
  problem: z.string().min(1),
  /** The same problem as a code and its parameters, for the console's language (report-messages.ts). */
  message: ReportMessage.optional(),
  action: ReportAction,
});
export type ReportEntry = z.infer<typeof ReportEntry>;

/** Where entries of one line are written: the file and line are filled in. */
export type LineReport = {
  reject(field: string, message: ReportMessage): void;
  warn(field: string, message: ReportMessage): void;
  readonly entries: ReportEntry[];
  readonly rejected: boolean;
};

export function lineReport(file: string, line: number): LineReport {
  const entries: ReportEntry[] = [];
  let rejected = false;
  return {
    entries,
    get rejected() {
      return rejected;
    },
    reject(field, message) {
      rejected = true;
      entries.push({ file, line, field, ...reported(message), action: 'rejected' });
    },
    warn(field, message) {
      entries.push({ file, line, field, ...reported(message), action: 'warning' });
    },
  };
}
