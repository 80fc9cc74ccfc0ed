// When a decoded camera frame becomes a scan to act on.
// - EAN/UPC carry one weak check digit, so a single blurred frame can yield a
//   valid but wrong GTIN: act on them only when two consecutive decoded frames
//   agree. QR, DataMatrix and Code 128 have strong error detection and pass at once.
// - A code held in front of the camera is read on every frame: act on it once
//   per presentation. The same code counts again only after it has been out of
//   sight for `quietMs` (otherwise a loyalty card held for two seconds would
//   call staff twenty times).
import type { BarcodeFormat } from './scan-code';

const NEEDS_AGREEMENT: ReadonlySet<BarcodeFormat> = new Set(['ean-13', 'ean-8', 'upc-a', 'upc-e']);

export class FrameAgreement {
  private previous: string | undefined;
  private acted: string | undefined;
  private actedSeenAt = -Infinity;

  constructor(private readonly quietMs = 1_000) {}

  /** Feed each frame's result (undefined when nothing was read); returns the text to act on. */
  accept(
    read: { text: string; format: BarcodeFormat } | undefined,
    now: number = Date.now(),
  ): string | undefined {
    if (read && read.text === this.acted) {
      // Back after being out of sight long enough: a new presentation, which
      // goes through agreement again like any first sighting.
      if (now - this.actedSeenAt >= this.quietMs) this.acted = undefined;
      else this.actedSeenAt = now;
    }
    const agreed = this.agreed(read);
    if (agreed === undefined || agreed === this.acted) return undefined;
    this.acted = agreed;
    this.actedSeenAt = now;
    return agreed;
  }

  private agreed(read: { text: string; format: BarcodeFormat } | undefined): string | undefined {
    if (!read) {
      this.previous = undefined;
      return undefined;
    }
    if (!NEEDS_AGREEMENT.has(read.format)) {
      this.previous = undefined;
      return read.text;
    }
    const agreed = this.previous === read.text;
    this.previous = agreed ? undefined : read.text;
    return agreed ? read.text : undefined;
  }
}
