// EAN/UPC carry one weak check digit, so a single blurred frame can yield a
// valid but wrong GTIN. Act on them only when two consecutive decoded frames
// agree; QR, DataMatrix and Code 128 have strong error detection and pass at once.
import type { BarcodeFormat } from './scan-code';

const NEEDS_AGREEMENT: ReadonlySet<BarcodeFormat> = new Set(['ean-13', 'ean-8', 'upc-a', 'upc-e']);

export class FrameAgreement {
  private previous: string | undefined;

  /** Feed each frame's result (undefined when nothing was read); returns the text to act on. */
  accept(read: { text: string; format: BarcodeFormat } | undefined): string | undefined {
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
