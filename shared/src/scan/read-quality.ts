// How many pixels the narrowest bar or cell of a read code spans, from where
// the decoder found it. Under about two pixels a module, blur or JPEG blocks
// can turn one bar into its neighbour and still give a valid check digit, so
// the acceptance rule asks such reads for one more agreeing frame.
import type { CameraFormat } from './decoder';

export type Point = { x: number; y: number };
export type Quad = { topLeft: Point; topRight: Point; bottomRight: Point; bottomLeft: Point };

const LINEAR_MODULES: Partial<Record<CameraFormat, number>> = {
  'ean-13': 95,
  'upc-a': 95,
  'ean-8': 67,
  'upc-e': 51,
};

/** Code 128 modules: 11 per symbol character (digit pairs share one in set C), start, check, stop. */
function code128Modules(text: string): number {
  const body = text.replace(/[()]/g, '');
  let characters = 0;
  for (const run of body.match(/\d{4,}|./g) ?? []) {
    characters += /^\d{4,}$/.test(run) ? Math.ceil(run.length / 2) : 1;
  }
  return 11 * (characters + 2) + 13;
}

/** Rows × columns of a 2D symbol from its version: QR "7" (45×45), Data Matrix "12x26". */
function matrixSize(format: CameraFormat, version: string): [number, number] | undefined {
  if (format === 'qr' && /^\d+$/.test(version)) {
    const side = 17 + 4 * Number(version);
    return [side, side];
  }
  const match = /^(\d+)x(\d+)$/.exec(version);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** Modules across a linear code: the width a module count divides into. */
function linearModules(format: CameraFormat, text: string): number | undefined {
  return LINEAR_MODULES[format] ?? (format === 'code-128' ? code128Modules(text) : undefined);
}

/**
 * zxing-js marks a linear code by the centres of its start and end patterns
 * (half of each guard, or of Code 128's 11-module start and 13-module stop,
 * lies outside the span).
 */
export function modulePixelsBetweenGuards(
  format: CameraFormat,
  text: string,
  from: Point,
  to: Point,
): number | undefined {
  const modules = linearModules(format, text);
  if (!modules) return undefined;
  const outside = format === 'code-128' ? 12 : format === 'upc-e' ? 4.5 : 3;
  return distance(from, to) / (modules - outside);
}

export function modulePixels(
  format: CameraFormat,
  text: string,
  quad: Quad,
  version = '',
): number | undefined {
  const across =
    (distance(quad.topLeft, quad.topRight) + distance(quad.bottomLeft, quad.bottomRight)) / 2;
  if (format === 'qr' || format === 'data-matrix') {
    const size = matrixSize(format, version);
    if (!size) return undefined;
    const down =
      (distance(quad.topLeft, quad.bottomLeft) + distance(quad.topRight, quad.bottomRight)) / 2;
    return Math.min(across / size[1], down / size[0]);
  }
  const modules =
    LINEAR_MODULES[format] ?? (format === 'code-128' ? code128Modules(text) : undefined);
  return modules && across > 0 ? across / modules : undefined;
}
