// How a store camera sees a label, as numbers: each degradation at severity 1
// (mild) to 3 (hard), drawn from a seeded stream. The ranges come from what
// kiosk cameras show (a 640×480 webcam a hand away from a product), not from
// what any decoder reads: the corpus measures decoders, it is not tuned to one.
import type { Random } from '@vitrine/store-server/demo/random';
import type { Degradation, SymbologyGroup } from './manifest';

export type Severity = 0 | 1 | 2 | 3;

/** Geometry applied to the label before it is placed in the frame. */
type LabelGeometry =
  | { kind: 'flat' }
  | { kind: 'rotation'; degrees: number }
  /** Keystone: the far edge shrinks by `shrink` (fraction), along `axis`. */
  | { kind: 'tilt'; axis: 'horizontal' | 'vertical'; shrink: number; skew: number }
  /** Wrapped on a cylinder of radius `radius` label widths, axis along the bars. */
  | { kind: 'curved'; radius: number; shading: number };

export type Presentation = {
  modulePx: number;
  geometry: LabelGeometry;
  /** Gaussian defocus, in pixels. */
  blurSigma: number;
  motion?: { length: number; degrees: number };
  /** A specular highlight over part of the code, in label-relative units. */
  glare?: { x: number; y: number; radius: number; strength: number };
  /** Output levels as fractions of full scale: dim and low-contrast scenes. */
  levels: { black: number; white: number };
  /** ImageMagick `-attenuate` for Gaussian sensor noise (1 ≈ a very noisy sensor). */
  noise: number;
  /** JPEG quality, or undefined for a lossless PNG frame. */
  jpegQuality?: number;
  /**
   * The control: when a long code must shrink to fit the frame, it shrinks to
   * whole pixels per module, so clean labels never carry sampling beats.
   */
  wholePixelModules?: boolean;
};

export type CodeShape = 'linear' | 'matrix';

const MATRIX_GROUPS: ReadonlySet<SymbologyGroup> = new Set([
  'qr-digital-link',
  'qr-promo',
  'gs1-datamatrix',
  'qr-variants',
]);

/** Bars or a grid: module sizes (and so what "small" means) differ between the two. */
export const shapeOf = (group: SymbologyGroup): CodeShape =>
  MATRIX_GROUPS.has(group) ? 'matrix' : 'linear';

const pickBySeverity = (rng: Random, severity: Severity, ranges: [number, number][]) => {
  const [min, max] = ranges[Math.max(0, severity - 1)]!;
  return rng.float(min, max);
};

/** A usual presentation: comfortable module size, a little sensor noise, camera JPEG. */
function baseline(rng: Random, shape: CodeShape): Presentation {
  return {
    modulePx: shape === 'linear' ? rng.float(2.6, 3.6) : rng.float(4, 7),
    geometry: { kind: 'flat' },
    blurSigma: 0,
    levels: { black: rng.float(0, 0.04), white: rng.float(0.94, 1) },
    noise: rng.float(0.1, 0.25),
    jpegQuality: 92,
  };
}

export function drawPresentation(
  rng: Random,
  shape: CodeShape,
  degradation: Degradation,
  severity: Severity,
): Presentation {
  const p = baseline(rng, shape);
  const module = p.modulePx;
  switch (degradation) {
    case 'clean':
      return { ...p, noise: 0.05, jpegQuality: undefined, wholePixelModules: true };
    case 'defocus':
      p.blurSigma =
        module *
        pickBySeverity(rng, severity, [
          [0.3, 0.4],
          [0.5, 0.65],
          [0.75, 0.95],
        ]);
      return p;
    case 'motion':
      p.motion = {
        length:
          module *
          pickBySeverity(rng, severity, [
            [0.8, 1.2],
            [1.6, 2.2],
            [2.6, 3.4],
          ]),
        degrees: rng.float(-180, 180),
      };
      return p;
    case 'glare':
      p.glare = {
        x: rng.float(0.25, 0.75),
        y: rng.float(0.3, 0.7),
        radius: pickBySeverity(rng, severity, [
          [0.12, 0.18],
          [0.2, 0.28],
          [0.3, 0.4],
        ]),
        strength: pickBySeverity(rng, severity, [
          [0.55, 0.7],
          [0.75, 0.9],
          [0.92, 1],
        ]),
      };
      return p;
    case 'tilt':
      p.geometry = {
        kind: 'tilt',
        axis: rng.chance(0.5) ? 'horizontal' : 'vertical',
        shrink: pickBySeverity(rng, severity, [
          [0.1, 0.16],
          [0.22, 0.3],
          [0.36, 0.45],
        ]),
        skew: rng.float(-0.06, 0.06),
      };
      return p;
    case 'rotation': {
      const degrees = pickBySeverity(rng, severity, [
        [4, 12],
        [15, 30],
        [35, 60],
      ]);
      p.geometry = { kind: 'rotation', degrees: rng.chance(0.5) ? degrees : -degrees };
      return p;
    }
    case 'curved':
      p.geometry = {
        kind: 'curved',
        radius: pickBySeverity(rng, severity, [
          [1.1, 1.4],
          [0.75, 0.9],
          [0.55, 0.65],
        ]),
        shading: pickBySeverity(rng, severity, [
          [0.15, 0.25],
          [0.3, 0.4],
          [0.45, 0.55],
        ]),
      };
      return p;
    case 'small':
      p.modulePx = pickBySeverity(rng, severity, [
        [1.9, 2.1],
        [1.5, 1.7],
        [1.15, 1.3],
      ]);
      p.blurSigma = 0.4;
      return p;
    case 'dim': {
      // The code's whole range squeezed into a dim band, then a noisy sensor's gain.
      const range = pickBySeverity(rng, severity, [
        [0.35, 0.45],
        [0.2, 0.28],
        [0.1, 0.15],
      ]);
      const black = rng.float(0.08, 0.2);
      p.levels = { black, white: black + range };
      p.noise = pickBySeverity(rng, severity, [
        [0.3, 0.45],
        [0.5, 0.7],
        [0.8, 1],
      ]);
      return p;
    }
    case 'jpeg':
      p.jpegQuality = Math.round(
        pickBySeverity(rng, severity, [
          [22, 30],
          [11, 16],
          [4, 8],
        ]),
      );
      return p;
    case 'webcam':
      p.blurSigma =
        module *
        pickBySeverity(rng, severity, [
          [0.2, 0.3],
          [0.3, 0.45],
          [0.45, 0.6],
        ]);
      p.noise = pickBySeverity(rng, severity, [
        [0.3, 0.4],
        [0.45, 0.6],
        [0.65, 0.8],
      ]);
      p.jpegQuality = Math.round(
        pickBySeverity(rng, severity, [
          [55, 65],
          [40, 50],
          [25, 35],
        ]),
      );
      return p;
  }
}
