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

/** A class, not closures: one is made per line of a 5M-line feed. */
class LineEntries implements LineReport {
  readonly entries: ReportEntry[] = [];
  rejected = false;

  constructor(
    private readonly file: string,
    private readonly line: number,
  ) {}

  reject(field: string, message: ReportMessage): void {
    this.rejected = true;
    this.entries.push({
      file: this.file,
      line: this.line,
      field,
      ...reported(message),
      action: 'rejected',
    });
  }

  warn(field: string, message: ReportMessage): void {
    this.entries.push({
      file: this.file,
      line: this.line,
      field,
      ...reported(message),
      action: 'warning',
    });
  }
}

export function lineReport(file: string, line: number): LineReport {
  return new LineEntries(file, line);
}
