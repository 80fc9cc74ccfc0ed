// When decoded camera frames become a scan to act on.
// - Frames vote for what they read, resolved first (an EAN-13 and a GS1 Data
//   Matrix of the same GTIN agree; a check-digit failure votes for nothing).
//   A frame that reads nothing does not undo earlier votes, so a label that
//   only the occasional TRY_HARDER pass reads is still accepted.
// - EAN/UPC carry one weak check digit, so a single blurred frame can yield a
//   valid but wrong GTIN: they need two agreeing frames; QR, Data Matrix and
//   Code 128 have strong error detection and need one.
// - A read that could be a misread needs one more agreeing frame: too few
//   pixels per module, most of a 2D code's error correction spent, or a GTIN
//   the catalogue does not know. (ZXing-C++'s line count is no help: it stops
//   at the two agreeing lines it needs once asked for one symbol.)
//   A read that disagrees with another recent one must out-vote it.
// - A code held in front of the camera is read on every frame: act on it once
//   per presentation. The same code counts again only after it has been out of
//   sight for `quietMs` (otherwise a loyalty card held for two seconds would
//   call staff twenty times).
// The thresholds are general rules of imaging scanners, not fitted to a corpus.
import type { DecodedCode } from './decoder';
import { readScan, type BarcodeFormat, type ScanReading } from './scan-code';

const WEAK_CHECK: ReadonlySet<BarcodeFormat> = new Set(['ean-13', 'ean-8', 'upc-a', 'upc-e']);
/** GS1's imaging guidance: at least two pixels across the narrowest element. */
const MIN_MODULE_PX = 2;
/** Under a quarter of the spare codewords left, a wrong repair becomes thinkable. */
const MIN_ERROR_MARGIN = 0.25;

export type ReadRisk = 'small-modules' | 'error-correction-spent' | 'unknown-gtin';

export type AcceptanceOptions = {
  /** Whether the device's catalogue has this GTIN; undefined when it cannot tell. */
  isKnownGtin?: (gtin14: string) => boolean | undefined;
  quietMs?: number;
  /** How long a frame's vote counts. */
  windowMs?: number;
};

/** What the rule makes of one read: the scan it means, and how many agreeing frames it needs. */
export function assessRead(
  read: DecodedCode,
  isKnownGtin?: (gtin14: string) => boolean | undefined,
): { reading: ScanReading; framesNeeded: number; risks: ReadRisk[] } {
  const reading = readScan(read.text, read.format);
  const quality = read.quality ?? {};
  const risks: ReadRisk[] = [];
  if (quality.modulePx !== undefined && quality.modulePx < MIN_MODULE_PX)
    risks.push('small-modules');
  if (quality.errorMargin !== undefined && quality.errorMargin < MIN_ERROR_MARGIN)
    risks.push('error-correction-spent');
  if (reading.kind === 'product' && isKnownGtin?.(reading.gtin) === false)
    risks.push('unknown-gtin');
  const base = WEAK_CHECK.has(read.format) ? 2 : 1;
  return { reading, framesNeeded: base + (risks.length > 0 ? 1 : 0), risks };
}

function keyOf(reading: ScanReading): string {
  if (reading.kind === 'product') return `gtin:${reading.gtin}`;
  if (reading.kind === 'loyalty-card') return `card:${reading.code}`;
  return `raw:${reading.raw}`;
}

export class ScanAcceptance {
  private votes: { key: string; at: number }[] = [];
  private acted: string | undefined;
  private actedSeenAt = -Infinity;
  private readonly quietMs: number;
  private readonly windowMs: number;

  constructor(private readonly options: AcceptanceOptions = {}) {
    this.quietMs = options.quietMs ?? 1_000;
    this.windowMs = options.windowMs ?? 3_000;
  }

  /** Feed each frame's read (undefined when nothing was read); returns the scan to act on. */
  accept(read: DecodedCode | undefined, now: number = Date.now()): ScanReading | undefined {
    if (!read) return undefined;
    const { reading, framesNeeded } = assessRead(read, this.options.isKnownGtin);
    // An EAN/UPC check-digit failure is a misread of a label still in view: no
    // vote. From a 2D code or Code 128 it is what the label says: answered.
    if (reading.kind === 'rejected' && reading.reason === 'checksum' && WEAK_CHECK.has(read.format))
      return undefined;
    const key = keyOf(reading);
    if (key === this.acted) {
      // Back after being out of sight long enough: a new presentation, which
      // goes through agreement again like any first sighting.
      if (now - this.actedSeenAt < this.quietMs) {
        this.actedSeenAt = now;
        return undefined;
      }
      this.acted = undefined;
    }
    this.votes = this.votes.filter((vote) => now - vote.at < this.windowMs);
    this.votes.push({ key, at: now });
    if (this.lead(key) < framesNeeded) return undefined;
    this.acted = key;
    this.actedSeenAt = now;
    this.votes = [];
    return reading;
  }

  /** Votes for `key` minus those of its strongest rival in the window. */
  private lead(key: string): number {
    const counts = new Map<string, number>();
    for (const vote of this.votes) counts.set(vote.key, (counts.get(vote.key) ?? 0) + 1);
    const mine = counts.get(key) ?? 0;
    counts.delete(key);
    return mine - Math.max(0, ...counts.values());
  }
}
