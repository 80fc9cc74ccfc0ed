import { readFileSync, readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_NAMES_3D, renderModel } from './models-3d';
import { MODELS_DIR } from './write-models';

interface Gltf {
  asset: { version: string };
  buffers: { byteLength: number; uri: string }[];
  bufferViews: { buffer: number; byteOffset: number; byteLength: number }[];
  accessors: {
    bufferView: number;
    componentType: number;
    count: number;
    type: string;
    min?: number[];
    max?: number[];
  }[];
  meshes: {
    primitives: { attributes: Record<string, number>; indices: number; material: number }[];
  }[];
  materials: unknown[];
}

const COMPONENT_BYTES: Record<number, number> = { 5123: 2, 5125: 4, 5126: 4 };
const TYPE_SIZE: Record<string, number> = { SCALAR: 1, VEC3: 3 };

describe('3D models in assets/models', () => {
  const files = readdirSync(MODELS_DIR).filter((file) => file.endsWith('.gltf'));

  it('has one committed file per model, holding what the generator writes', () => {
    expect(files.sort()).toEqual(MODEL_NAMES_3D.map((name) => `${name}.gltf`).sort());
    for (const name of MODEL_NAMES_3D) {
      const committed: unknown = JSON.parse(readFileSync(`${MODELS_DIR}${name}.gltf`, 'utf8'));
      expect(committed).toEqual(JSON.parse(renderModel(name)));
    }
  });

  it.each(files)('%s is valid glTF 2.0 JSON with consistent buffers', (file) => {
    expect(statSync(`${MODELS_DIR}${file}`).size).toBeLessThan(50 * 1024);
    const gltf = JSON.parse(readFileSync(`${MODELS_DIR}${file}`, 'utf8')) as Gltf;
    expect(gltf.asset.version).toBe('2.0');
    const buffers = gltf.buffers.map((buffer) => {
      const match = /^data:application\/octet-stream;base64,(.+)$/.exec(buffer.uri);
      const bytes = Buffer.from(match?.[1] ?? '', 'base64');
      expect(bytes.length).toBe(buffer.byteLength);
      return bytes;
    });
    for (const view of gltf.bufferViews) {
      expect(view.byteOffset % 4).toBe(0);
      expect(view.byteOffset + view.byteLength).toBeLessThanOrEqual(
        buffers[view.buffer]?.length ?? -1,
      );
    }
    for (const accessor of gltf.accessors) {
      const view = gltf.bufferViews[accessor.bufferView];
      const size =
        (COMPONENT_BYTES[accessor.componentType] ?? NaN) * (TYPE_SIZE[accessor.type] ?? NaN);
      expect(accessor.count * size).toBe(view?.byteLength);
    }
    for (const primitive of gltf.meshes.flatMap((mesh) => mesh.primitives)) {
      const position = gltf.accessors[primitive.attributes.POSITION ?? -1];
      const indices = gltf.accessors[primitive.indices];
      const view = gltf.bufferViews[indices?.bufferView ?? -1];
      const buffer = buffers[view?.buffer ?? -1];
      expect(position?.min).toHaveLength(3);
      expect(primitive.material).toBeLessThan(gltf.materials.length);
      if (!view || !buffer || !position || !indices) throw new Error('broken primitive');
      const values = new Uint16Array(
        buffer.buffer.slice(
          buffer.byteOffset + view.byteOffset,
          buffer.byteOffset + view.byteOffset + view.byteLength,
        ),
      );
      expect(Math.max(...values)).toBeLessThan(position.count);
      expect(values.length % 3).toBe(0);
    }
  });
});
