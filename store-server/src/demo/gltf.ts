// A tiny glTF 2.0 writer: boxes, cylinders and tube arcs with flat colours,
// packed into one embedded base64 buffer. Enough for the kiosk's 3D view of
// a speaker or headphones; no textures, no animation, no scripts.

export type Vec3 = readonly [number, number, number];

export interface Part {
  positions: number[];
  normals: number[];
  indices: number[];
  material: string;
}

export interface MaterialSpec {
  colour: Vec3;
  metallic?: number;
  roughness?: number;
}

/** Rotates about the X, then Y, then Z axis (radians), then translates. */
export function place(part: Part, offset: Vec3, rotation: Vec3 = [0, 0, 0]): Part {
  const [ax, ay, az] = rotation;
  const rotate = (x: number, y: number, z: number): Vec3 => {
    const y1 = y * Math.cos(ax) - z * Math.sin(ax);
    const z1 = y * Math.sin(ax) + z * Math.cos(ax);
    const x2 = x * Math.cos(ay) + z1 * Math.sin(ay);
    const z2 = -x * Math.sin(ay) + z1 * Math.cos(ay);
    return [x2 * Math.cos(az) - y1 * Math.sin(az), x2 * Math.sin(az) + y1 * Math.cos(az), z2];
  };
  const positions: number[] = [];
  const normals: number[] = [];
  for (let i = 0; i < part.positions.length; i += 3) {
    const [px, py, pz] = rotate(
      part.positions[i] ?? 0,
      part.positions[i + 1] ?? 0,
      part.positions[i + 2] ?? 0,
    );
    positions.push(px + offset[0], py + offset[1], pz + offset[2]);
    normals.push(
      ...rotate(part.normals[i] ?? 0, part.normals[i + 1] ?? 0, part.normals[i + 2] ?? 0),
    );
  }
  return { ...part, positions, normals };
}

/** An axis-aligned box centred on the origin, with flat faces. */
export function box(size: Vec3, material: string): Part {
  const [hx, hy, hz] = [size[0] / 2, size[1] / 2, size[2] / 2];
  const faces: readonly [Vec3, Vec3, Vec3][] = [
    // normal, u axis, v axis
    [
      [1, 0, 0],
      [0, 0, -1],
      [0, 1, 0],
    ],
    [
      [-1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ],
    [
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, -1],
    ],
    [
      [0, -1, 0],
      [1, 0, 0],
      [0, 0, 1],
    ],
    [
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
    ],
    [
      [0, 0, -1],
      [-1, 0, 0],
      [0, 1, 0],
    ],
  ];
  const part: Part = { positions: [], normals: [], indices: [], material };
  for (const [n, u, v] of faces) {
    const base = part.positions.length / 3;
    for (const [su, sv] of [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ] as const) {
      for (let k = 0; k < 3; k++) {
        const half = [hx, hy, hz][k] ?? 0;
        part.positions.push(((n[k] ?? 0) + su * (u[k] ?? 0) + sv * (v[k] ?? 0)) * half);
      }
      part.normals.push(...n);
    }
    part.indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
  return part;
}

/** A capped cylinder along the Y axis, centred on the origin. */
export function cylinder(radius: number, height: number, segments: number, material: string): Part {
  const part: Part = { positions: [], normals: [], indices: [], material };
  const h = height / 2;
  for (let i = 0; i <= segments; i++) {
    const a = (i / segments) * Math.PI * 2;
    const [c, s] = [Math.cos(a), Math.sin(a)];
    part.positions.push(radius * c, -h, radius * s, radius * c, h, radius * s);
    part.normals.push(c, 0, s, c, 0, s);
  }
  for (let i = 0; i < segments; i++) {
    const b = i * 2;
    part.indices.push(b, b + 1, b + 3, b, b + 3, b + 2);
  }
  for (const side of [-1, 1]) {
    const centre = part.positions.length / 3;
    part.positions.push(0, side * h, 0);
    part.normals.push(0, side, 0);
    for (let i = 0; i <= segments; i++) {
      const a = (i / segments) * Math.PI * 2;
      part.positions.push(radius * Math.cos(a), side * h, radius * Math.sin(a));
      part.normals.push(0, side, 0);
    }
    for (let i = 0; i < segments; i++) {
      const [p, q] = [centre + 1 + i, centre + 2 + i];
      part.indices.push(...(side > 0 ? [centre, q, p] : [centre, p, q]));
    }
  }
  return part;
}

/** A tube of radius `tube` following an arc of radius `radius` in the XY plane, from angle `from` to `to`. */
export function tubeArc(
  radius: number,
  tube: number,
  [from, to]: readonly [number, number],
  material: string,
  [along, around]: readonly [number, number] = [20, 8],
): Part {
  const part: Part = { positions: [], normals: [], indices: [], material };
  for (let i = 0; i <= along; i++) {
    const t = from + ((to - from) * i) / along;
    for (let j = 0; j <= around; j++) {
      const p = (j / around) * Math.PI * 2;
      const n: Vec3 = [Math.cos(p) * Math.cos(t), Math.cos(p) * Math.sin(t), Math.sin(p)];
      part.positions.push(
        radius * Math.cos(t) + tube * n[0],
        radius * Math.sin(t) + tube * n[1],
        tube * n[2],
      );
      part.normals.push(...n);
    }
  }
  for (let i = 0; i < along; i++) {
    for (let j = 0; j < around; j++) {
      const a = i * (around + 1) + j;
      const b = a + around + 1;
      part.indices.push(a, b, a + 1, b, b + 1, a + 1);
    }
  }
  return part;
}

interface Layout {
  bytes: number[];
  views: { buffer: 0; byteOffset: number; byteLength: number; target: number }[];
}

function append(layout: Layout, data: Uint8Array, target: number): number {
  while (layout.bytes.length % 4 !== 0) layout.bytes.push(0);
  layout.views.push({
    buffer: 0,
    byteOffset: layout.bytes.length,
    byteLength: data.length,
    target,
  });
  for (const byte of data) layout.bytes.push(byte);
  return layout.views.length - 1;
}

const ARRAY_BUFFER = 34962;
const ELEMENT_ARRAY_BUFFER = 34963;
const FLOAT = 5126;
const UNSIGNED_SHORT = 5123;

/** A glTF 2.0 document: one node, one mesh, one primitive per part. */
export function buildGltf(
  name: string,
  parts: readonly Part[],
  materials: Record<string, MaterialSpec>,
): object {
  const materialNames = Object.keys(materials);
  const layout: Layout = { bytes: [], views: [] };
  const accessors: object[] = [];
  const primitives = parts.map((part) => {
    const positions = new Float32Array(part.positions);
    const min = [Infinity, Infinity, Infinity];
    const max = [-Infinity, -Infinity, -Infinity];
    positions.forEach((value, i) => {
      min[i % 3] = Math.min(min[i % 3] ?? Infinity, value);
      max[i % 3] = Math.max(max[i % 3] ?? -Infinity, value);
    });
    const count = positions.length / 3;
    if (count > 65535) throw new Error(`${name}: too many vertices for 16-bit indices`);
    const view = (array: Float32Array | Uint16Array, target: number): number =>
      append(layout, new Uint8Array(array.buffer, array.byteOffset, array.byteLength), target);
    accessors.push({
      bufferView: view(positions, ARRAY_BUFFER),
      componentType: FLOAT,
      count,
      type: 'VEC3',
      min,
      max,
    });
    accessors.push({
      bufferView: view(new Float32Array(part.normals), ARRAY_BUFFER),
      componentType: FLOAT,
      count,
      type: 'VEC3',
    });
    const indices = new Uint16Array(part.indices);
    accessors.push({
      bufferView: view(indices, ELEMENT_ARRAY_BUFFER),
      componentType: UNSIGNED_SHORT,
      count: indices.length,
      type: 'SCALAR',
    });
    const first = accessors.length - 3;
    return {
      attributes: { POSITION: first, NORMAL: first + 1 },
      indices: first + 2,
      material: materialNames.indexOf(part.material),
    };
  });
  while (layout.bytes.length % 4 !== 0) layout.bytes.push(0);
  const data = Buffer.from(layout.bytes).toString('base64');
  return {
    asset: { version: '2.0', generator: 'Vitrine demo-store generator' },
    scene: 0,
    scenes: [{ name, nodes: [0] }],
    nodes: [{ name, mesh: 0 }],
    meshes: [{ name, primitives }],
    materials: materialNames.map((materialName) => {
      const spec = materials[materialName];
      return {
        name: materialName,
        pbrMetallicRoughness: {
          baseColorFactor: [...(spec?.colour ?? [1, 1, 1]), 1],
          metallicFactor: spec?.metallic ?? 0,
          roughnessFactor: spec?.roughness ?? 0.6,
        },
      };
    }),
    accessors,
    bufferViews: layout.views,
    buffers: [
      { byteLength: layout.bytes.length, uri: `data:application/octet-stream;base64,${data}` },
    ],
  };
}
