// Renders one label presentation: zint draws the code, ImageMagick prints it on
// a sticker, bends it as the presentation says, and photographs it three times
// on a textured, unevenly lit background — the same pose, a ±2 px hand shake and
// fresh sensor noise per frame, like consecutive frames of a real camera.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Random } from '@vitrine/store-server/demo/random';
import type { Presentation } from './degradations';
import type { LabelContent } from './label-content';
import { convert, zint } from './tools';

const FRAME_WIDTH = 640;
const FRAME_HEIGHT = 480;
const FRAMES_PER_LABEL = 3;
/** zint's `--scale=2`: 4 pixels per module, which the presentation then resizes. */
const ZINT_MODULE_PX = 4;
const STICKER_BORDER = 8;
const PAPER = '#f2efe6';
const INK = '#1e1e1e';
const MARGIN = 12;

const pngSize = (file: string) => {
  const header = readFileSync(file).subarray(16, 24);
  return { width: header.readUInt32BE(0), height: header.readUInt32BE(4) };
};
const fixed = (value: number) => value.toFixed(3);

/** The label's bounding box once posed (rotation grows it; tilt and curve do not). */
function posedSize(width: number, height: number, p: Presentation) {
  if (p.geometry.kind !== 'rotation') return { width, height };
  const radians = (Math.abs(p.geometry.degrees) * Math.PI) / 180;
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  return { width: width * cos + height * sin, height: width * sin + height * cos };
}

function geometryArgs(p: Presentation, width: number, height: number): string[] {
  const g = p.geometry;
  switch (g.kind) {
    case 'flat':
      return [];
    case 'rotation':
      return ['-rotate', fixed(g.degrees)];
    case 'tilt': {
      // The far edge shrinks and recedes; control points are source → destination pairs.
      const [w, h, s] = [width, height, g.shrink];
      const points =
        g.axis === 'horizontal'
          ? [
              0,
              0,
              0,
              g.skew * h,
              w,
              0,
              w * (1 - s * 0.4),
              (h * s) / 2,
              w,
              h,
              w * (1 - s * 0.4),
              h * (1 - s / 2),
              0,
              h,
              0,
              h,
            ]
          : [
              0,
              0,
              g.skew * w,
              0,
              w,
              0,
              w,
              0,
              w,
              h,
              w * (1 - s / 2),
              h * (1 - s * 0.4),
              0,
              h,
              (w * s) / 2,
              h * (1 - s * 0.4),
            ];
      return ['+distort', 'Perspective', points.map(fixed).join(' ')];
    }
    case 'curved': {
      // A cylinder seen face on: the label's arc length s shows at R·sin(s/R), its
      // edges crowded and darker. Source x for each output x is w/2 + R·asin(dx/R).
      const r = fixed(g.radius * width);
      const limit = fixed(g.radius * width * Math.sin(1 / (2 * g.radius)));
      return [
        '-channel',
        'RGBA',
        '-fx',
        `xx=i-w/2; abs(xx)>=${limit} ? 0 : p{w/2+${r}*asin(xx/${r}), j}`,
        '+channel',
        '-trim',
        '+repage',
        '-channel',
        'RGB',
        '-fx',
        `u*(1-${fixed(g.shading)}*(1-sqrt(max(0,1-((i-w/2)/(w/2))^2))))`,
        '+channel',
      ];
    }
  }
}

export type RenderedLabel = { files: string[]; modulePx: number };

/**
 * Draws `content` as `presentation` says into `dir`: `<id>-0..2.png|jpg`. The
 * module size shrinks when the posed label would not fit the frame (long GS1-128).
 */
export async function renderLabel(
  rng: Random,
  content: LabelContent,
  presentation: Presentation,
  dir: string,
  id: string,
): Promise<RenderedLabel> {
  const printed = join(dir, `${id}.code.png`);
  const staged = join(dir, `${id}.staged.png`);
  await zint([
    '-b',
    content.symbology,
    `--data=${content.encoded}`,
    '--scale=2',
    '--quietzones',
    ...content.zintOptions,
    '-o',
    printed,
  ]);
  const code = pngSize(printed);
  const sticker = {
    width: code.width + 2 * STICKER_BORDER,
    height: code.height + 2 * STICKER_BORDER,
  };
  let modulePx = presentation.modulePx;
  const posed = posedSize(
    (sticker.width * modulePx) / ZINT_MODULE_PX,
    (sticker.height * modulePx) / ZINT_MODULE_PX,
    presentation,
  );
  const fit = Math.min(
    1,
    (FRAME_WIDTH - 2 * MARGIN - 8) / posed.width,
    (FRAME_HEIGHT - 2 * MARGIN - 8) / posed.height,
  );
  if (fit < 1)
    modulePx = presentation.wholePixelModules
      ? Math.max(1, Math.floor(modulePx * fit))
      : modulePx * fit;
  const scale = modulePx / ZINT_MODULE_PX;
  await convert([
    printed,
    '-fill',
    INK,
    '-opaque',
    'black',
    '-fill',
    PAPER,
    '-opaque',
    'white',
    '-bordercolor',
    PAPER,
    '-border',
    String(STICKER_BORDER),
    '-alpha',
    'set',
    '-background',
    'none',
    '-virtual-pixel',
    'transparent',
    '-filter',
    'Triangle',
    '-resize',
    `${fixed(scale * 100)}%`,
    ...geometryArgs(presentation, sticker.width * scale, sticker.height * scale),
    '+repage',
    staged,
  ]);
  const label = pngSize(staged);
  const x = rng.int(MARGIN, Math.max(MARGIN, FRAME_WIDTH - MARGIN - label.width));
  const y = rng.int(MARGIN, Math.max(MARGIN, FRAME_HEIGHT - MARGIN - label.height));
  const background = {
    seed: rng.int(1, 2 ** 30),
    light: `${rng.int(0, 320)}+${rng.int(0, 240)}`,
    tones: rng.pick(['#8c877c-#d6d0c2', '#7d8488-#c9d0d4', '#8a8170-#dcd3bd', '#7a7a78-#cfcfca']),
  };
  const files: string[] = [];
  for (let frame = 0; frame < FRAMES_PER_LABEL; frame++) {
    const [dx, dy] = [rng.int(-2, 2), rng.int(-2, 2)];
    const file = `${id}-${frame}.${presentation.jpegQuality === undefined ? 'png' : 'jpg'}`;
    await convert([
      ...backgroundArgs(background),
      staged,
      '-geometry',
      `+${x + dx}+${y + dy}`,
      '-compose',
      'Over',
      '-composite',
      ...opticsArgs(presentation, { x: x + dx, y: y + dy, ...label }),
      '+level',
      `${fixed(presentation.levels.black * 100)}%,${fixed(presentation.levels.white * 100)}%`,
      '-seed',
      String(rng.int(1, 2 ** 30)),
      '-attenuate',
      fixed(presentation.noise),
      '+noise',
      'Gaussian',
      // A colour camera's frame, whatever colours the scene happens to hold.
      '-type',
      'TrueColor',
      ...(presentation.jpegQuality === undefined
        ? []
        : ['-quality', String(presentation.jpegQuality)]),
      // No creation dates in the files: the same seed gives the same bytes.
      '+set',
      'date:create',
      '+set',
      'date:modify',
      '-define',
      'png:exclude-chunk=date,time',
      join(dir, file),
    ]);
    files.push(file);
  }
  return { files, modulePx };
}

/** A shelf or counter behind the label: plasma texture in muted tones, lit off-centre. */
function backgroundArgs(b: { seed: number; light: string; tones: string }): string[] {
  return [
    '-size',
    `${FRAME_WIDTH}x${FRAME_HEIGHT}`,
    '-seed',
    String(b.seed),
    `plasma:${b.tones}`,
    '-blur',
    '0x3',
    '-modulate',
    '100,25',
    '(',
    '-size',
    `${FRAME_WIDTH * 1.5}x${FRAME_HEIGHT * 1.5}`,
    'radial-gradient:white-grey55',
    '-crop',
    `${FRAME_WIDTH}x${FRAME_HEIGHT}+${b.light}`,
    '+repage',
    ')',
    '-compose',
    'Multiply',
    '-composite',
  ];
}

/** Defocus, motion and glare, applied to the whole frame as a lens and a lamp would. */
function opticsArgs(
  p: Presentation,
  at: { x: number; y: number; width: number; height: number },
): string[] {
  const args: string[] = [];
  if (p.blurSigma > 0) args.push('-blur', `0x${fixed(p.blurSigma)}`);
  if (p.motion)
    args.push('-motion-blur', `0x${fixed(p.motion.length / 2)}+${fixed(p.motion.degrees)}`);
  if (p.glare) {
    const cx = at.x + at.width * p.glare.x;
    const cy = at.y + at.height * p.glare.y;
    const rx = Math.max(at.width, at.height) * p.glare.radius;
    args.push(
      '(',
      '-size',
      `${FRAME_WIDTH}x${FRAME_HEIGHT}`,
      'xc:black',
      '-fill',
      'white',
      '-draw',
      `ellipse ${fixed(cx)},${fixed(cy)} ${fixed(rx)},${fixed(rx * 0.7)} 0,360`,
      '-blur',
      `0x${fixed(rx / 3)}`,
      '-evaluate',
      'multiply',
      fixed(p.glare.strength),
      ')',
      '-compose',
      'Screen',
      '-composite',
    );
  }
  return args;
}
