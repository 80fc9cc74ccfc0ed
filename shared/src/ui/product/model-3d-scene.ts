// The three.js scene behind the 3D view, loaded on demand (three.js is the
// biggest piece of the bundle): a glTF model, orbit controls (one finger
// rotates, pinch zooms), reset, and a clean dispose.
import {
  AmbientLight,
  Box3,
  DirectionalLight,
  PerspectiveCamera,
  Scene,
  Vector3,
  WebGLRenderer,
} from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';

export type ModelScene = { reset: () => void; dispose: () => void };

export function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

export async function openModelScene(canvas: HTMLCanvasElement, url: string): Promise<ModelScene> {
  const renderer = new WebGLRenderer({ canvas, antialias: true, alpha: true });
  renderer.setPixelRatio(Math.min(2, window.devicePixelRatio));
  renderer.setSize(canvas.clientWidth, canvas.clientHeight, false);
  const scene = new Scene();
  scene.add(new AmbientLight(0xffffff, 1.2));
  const sun = new DirectionalLight(0xffffff, 2);
  sun.position.set(3, 5, 4);
  scene.add(sun);
  const camera = new PerspectiveCamera(
    40,
    canvas.clientWidth / Math.max(1, canvas.clientHeight),
    0.01,
    100,
  );
  const controls = new OrbitControls(camera, canvas);
  controls.enablePan = false;

  const gltf = await new GLTFLoader().loadAsync(url);
  scene.add(gltf.scene);
  const box = new Box3().setFromObject(gltf.scene);
  const size = box.getSize(new Vector3()).length() || 1;
  const center = box.getCenter(new Vector3());
  controls.target.copy(center);
  camera.position.copy(center).add(new Vector3(0, size * 0.3, size * 1.2));
  controls.minDistance = size * 0.3;
  controls.maxDistance = size * 4;
  controls.update();
  controls.saveState();

  let frame = 0;
  const render = () => {
    controls.update();
    renderer.render(scene, camera);
    frame = requestAnimationFrame(render);
  };
  render();
  return {
    reset: () => controls.reset(),
    dispose: () => {
      cancelAnimationFrame(frame);
      controls.dispose();
      renderer.dispose();
    },
  };
}
