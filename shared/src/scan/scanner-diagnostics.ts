// What staff need to know about a misconfigured USB scanner (a layout we cannot
// read, a suffix other than the configured one): kept as state so a
// staff-only place can show it, while the shopper only hears "try again".
export type ScannerProblemKind =
  'unknown-layout' | 'wrong-suffix' | 'missing-suffix' | 'prefix-mismatch' | 'bad-setting';

export type ScannerProblem = {
  kind: ScannerProblemKind;
  /** The characters the OS made of the keys, for staff to compare with the label. */
  typed: string;
  keys: number;
  expectedSuffix: string;
  /** The key that ended the burst when it was not the configured suffix. */
  endedWith?: string;
};

export type ScannerDiagnostic = ScannerProblem & { at: string; count: number };

type Listener = (latest: ScannerDiagnostic | undefined) => void;

/** The latest problem and how many there were; one per touchpoint page. */
export class ScannerDiagnostics {
  private latest: ScannerDiagnostic | undefined;
  private count = 0;
  private readonly listeners = new Set<Listener>();

  report(problem: ScannerProblem, now = new Date()): void {
    this.count += 1;
    this.latest = { ...problem, at: now.toISOString(), count: this.count };
    for (const listener of this.listeners) listener(this.latest);
  }

  current(): ScannerDiagnostic | undefined {
    return this.latest;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.latest = undefined;
    for (const listener of this.listeners) listener(undefined);
  }
}

/** Shared by the wedge listener and whatever staff view shows it. */
export const scannerDiagnostics = new ScannerDiagnostics();
