// Codes as printed labels in a 640×480 greyscale camera frame, for tests and
// benches: bwip-js encodes the code (EAN-13, Code 128, QR, Data Matrix…) and
// we draw its bars or modules, quiet zones kept.
import bwipjs from 'bwip-js/generic';

export const FRAME_WIDTH = 640;
export const FRAME_HEIGHT = 480;
export const PAPER = 225;
const WIDTH = FRAME_WIDTH;
const HEIGHT = FRAME_HEIGHT;
const INK = 25;

type Symbol = { sbs?: number[]; pixs?: number[]; pixx?: number; pixy?: number };

/** A code as bwip-js names it: `ean13`, `code128`, `qrcode`, `gs1datamatrix`… */
export type PrintedCode = {
  bcid: string;
  text: string;
  /** bwip-js options: `eclevel`, `version`, `mask`… */
  options?: Record<string, string>;
  /** Pixels per module (default: as large as fits). */
  scale?: number;
};

function encode(code: PrintedCode): Symbol {
  const [symbol] = bwipjs.raw({ ...code.options, bcid: code.bcid, text: code.text }) as Symbol[];
  if (!symbol) throw new Error(`bwip-js could not encode ${code.bcid} ${code.text}`);
  return symbol;
}

/** A greyscale 640×480 frame with the code centred, quiet zones kept. */
export function codeFrame(code: PrintedCode): Uint8Array {
  const luma = new Uint8Array(WIDTH * HEIGHT).fill(PAPER);
  const symbol = encode(code);
  if (symbol.sbs) {
    // Linear: bars and spaces alternate; 3 px per module fits an EAN-13, 2 a long Code 128.
    const modules = symbol.sbs.reduce((sum, m) => sum + m, 0);
    const scale = code.scale ?? (modules * 3 <= WIDTH - 80 ? 3 : 2);
    let x = Math.floor((WIDTH - modules * scale) / 2);
    symbol.sbs.forEach((run, i) => {
      if (i % 2 === 0)
        for (let dx = 0; dx < run * scale; dx++)
          for (let y = 150; y < 330; y++) luma[y * WIDTH + x + dx] = INK;
      x += run * scale;
    });
    return luma;
  }
  const { pixs, pixx, pixy } = symbol;
  if (!pixs || !pixx || !pixy) throw new Error(`bwip-js gave no pattern for ${code.bcid}`);
  // Matrix: square modules, as large as fits 300 px (a label held a hand away).
  const scale = code.scale ?? Math.max(3, Math.floor(300 / Math.max(pixx, pixy)));
  const left = Math.floor((WIDTH - pixx * scale) / 2);
  const top = Math.floor((HEIGHT - pixy * scale) / 2);
  for (let row = 0; row < pixy; row++)
    for (let col = 0; col < pixx; col++) {
      if (!pixs[row * pixx + col]) continue;
      for (let dy = 0; dy < scale; dy++)
        luma.fill(
          INK,
          (top + row * scale + dy) * WIDTH + left + col * scale,
          (top + row * scale + dy) * WIDTH + left + (col + 1) * scale,
        );
    }
  return luma;
}

/** The same frame as RGBA, what a canvas gives a decoder worker. */
export function codeFrameRgba(code: PrintedCode): {
  data: Uint8ClampedArray;
  width: number;
  height: number;
} {
  const luma = codeFrame(code);
  const data = new Uint8ClampedArray(luma.length * 4);
  luma.forEach((value, i) => data.set([value, value, value, 255], i * 4));
  return { data, width: WIDTH, height: HEIGHT };
}
