// Writes the demo 3D models to assets/models/, formatted the way the repo's
// Prettier check expects (they are committed; gltf.test.ts checks they still
// hold what renderModel produces). Run: npx tsx store-server/src/demo/write-models.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { MODEL_NAMES_3D, renderModel } from './models-3d';

export const MODELS_DIR = fileURLToPath(new URL('../../../assets/models/', import.meta.url));

async function writeModels(directory = MODELS_DIR): Promise<string[]> {
  const files: string[] = [];
  for (const name of MODEL_NAMES_3D) {
    const file = `${directory}${name}.gltf`;
    const options = await resolveConfig(file);
    writeFileSync(file, await format(renderModel(name), { ...options, parser: 'json' }));
    files.push(file);
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of await writeModels()) console.log(`wrote ${file}`);
}
