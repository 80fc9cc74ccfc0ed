// The handful of 3D models electronics products point to
// (`electronics.model3d` = /assets/models/<name>.gltf). Real-world sizes in
// metres, Y up, front facing +Z, standing on Y = 0 where it makes sense.
import { box, buildGltf, cylinder, place, tubeArc, type MaterialSpec, type Part } from './gltf';

interface ModelSpec {
  materials: Record<string, MaterialSpec>;
  parts: () => Part[];
}

const HALF_TURN = Math.PI / 2;
const facingFront = (part: Part, at: readonly [number, number, number]): Part =>
  place(part, at, [HALF_TURN, 0, 0]);

const MODELS: Readonly<Record<string, ModelSpec>> = {
  speaker: {
    materials: {
      fabric: { colour: [0.18, 0.19, 0.21], roughness: 0.95 },
      cone: { colour: [0.05, 0.05, 0.06], roughness: 0.5 },
      trim: { colour: [0.72, 0.72, 0.74], metallic: 0.8, roughness: 0.3 },
    },
    parts: () => [
      place(box([0.12, 0.2, 0.11], 'fabric'), [0, 0.1, 0]),
      facingFront(cylinder(0.045, 0.004, 32, 'trim'), [0, 0.075, 0.056]),
      facingFront(cylinder(0.04, 0.006, 32, 'cone'), [0, 0.075, 0.058]),
      facingFront(cylinder(0.012, 0.01, 24, 'trim'), [0, 0.075, 0.06]),
      facingFront(cylinder(0.016, 0.006, 24, 'trim'), [0, 0.158, 0.056]),
    ],
  },
  headphones: {
    materials: {
      band: { colour: [0.12, 0.12, 0.13], roughness: 0.4 },
      cushion: { colour: [0.3, 0.27, 0.25], roughness: 0.9 },
      metal: { colour: [0.75, 0.75, 0.77], metallic: 0.9, roughness: 0.25 },
    },
    parts: () => [
      tubeArc(0.09, 0.006, [0.12, Math.PI - 0.12], 'metal'),
      tubeArc(0.082, 0.011, [HALF_TURN - 0.7, HALF_TURN + 0.7], 'cushion'),
      ...[-1, 1].flatMap((side) => [
        place(box([0.008, 0.05, 0.014], 'metal'), [side * 0.09, 0.0, 0]),
        place(cylinder(0.048, 0.032, 28, 'band'), [side * 0.092, -0.045, 0], [0, 0, HALF_TURN]),
        place(cylinder(0.04, 0.016, 28, 'cushion'), [side * 0.07, -0.045, 0], [0, 0, HALF_TURN]),
      ]),
    ],
  },
  smartphone: {
    materials: {
      body: { colour: [0.2, 0.24, 0.3], metallic: 0.6, roughness: 0.35 },
      glass: { colour: [0.02, 0.02, 0.03], roughness: 0.05 },
    },
    parts: () => [
      box([0.075, 0.16, 0.008], 'body'),
      place(box([0.07, 0.152, 0.001], 'glass'), [0, 0, 0.0042]),
      place(box([0.03, 0.03, 0.002], 'body'), [-0.018, 0.056, -0.005]),
      facingFront(cylinder(0.006, 0.003, 24, 'glass'), [-0.025, 0.063, -0.0062]),
      facingFront(cylinder(0.006, 0.003, 24, 'glass'), [-0.011, 0.049, -0.0062]),
    ],
  },
  smartwatch: {
    materials: {
      case: { colour: [0.78, 0.78, 0.8], metallic: 0.9, roughness: 0.25 },
      glass: { colour: [0.02, 0.02, 0.03], roughness: 0.05 },
      strap: { colour: [0.16, 0.2, 0.3], roughness: 0.8 },
    },
    parts: () => [
      box([0.04, 0.046, 0.011], 'case'),
      place(box([0.036, 0.042, 0.001], 'glass'), [0, 0, 0.006]),
      place(box([0.022, 0.06, 0.004], 'strap'), [0, 0.053, -0.002]),
      place(box([0.022, 0.06, 0.004], 'strap'), [0, -0.053, -0.002]),
      place(cylinder(0.003, 0.004, 16, 'case'), [0.022, 0.008, 0], [0, 0, HALF_TURN]),
    ],
  },
  laptop: {
    materials: {
      aluminium: { colour: [0.66, 0.67, 0.69], metallic: 0.85, roughness: 0.35 },
      keys: { colour: [0.1, 0.1, 0.11], roughness: 0.7 },
      glass: { colour: [0.02, 0.02, 0.03], roughness: 0.05 },
    },
    parts: () => {
      const hinge = [0, 0.016, -0.1075] as const;
      const lid: readonly [number, number, number] = [-0.25, 0, 0];
      return [
        place(box([0.31, 0.016, 0.215], 'aluminium'), [0, 0.008, 0]),
        place(box([0.27, 0.001, 0.1], 'keys'), [0, 0.0165, -0.025]),
        place(box([0.11, 0.001, 0.065], 'keys'), [0, 0.0165, 0.065]),
        place(place(box([0.31, 0.205, 0.007], 'aluminium'), [0, 0.1025, 0]), hinge, lid),
        place(place(box([0.29, 0.18, 0.001], 'glass'), [0, 0.105, 0.004]), hinge, lid),
      ];
    },
  },
  television: {
    materials: {
      frame: { colour: [0.08, 0.08, 0.09], metallic: 0.3, roughness: 0.4 },
      glass: { colour: [0.01, 0.01, 0.02], roughness: 0.05 },
      stand: { colour: [0.55, 0.56, 0.58], metallic: 0.8, roughness: 0.3 },
    },
    parts: () => [
      place(box([1.23, 0.71, 0.03], 'frame'), [0, 0.455, 0]),
      place(box([1.21, 0.69, 0.002], 'glass'), [0, 0.455, 0.016]),
      place(box([0.06, 0.11, 0.03], 'stand'), [0, 0.067, -0.01]),
      place(box([0.4, 0.012, 0.22], 'stand'), [0, 0.006, -0.01]),
    ],
  },
};

export const MODEL_NAMES_3D: readonly string[] = Object.keys(MODELS);

/** The glTF 2.0 document of a model as JSON text (write-models.ts formats and commits it). */
export function renderModel(name: string): string {
  const model = MODELS[name];
  if (!model) throw new Error(`no 3D model named "${name}"`);
  return JSON.stringify(buildGltf(name, model.parts(), model.materials));
}
