// A video of a member card for Chromium's fake camera: its code as Code 128
// (as printed on the card), drawn into raw 640×480 frames in a .y4m file.
import bwipjs from 'bwip-js/generic';
import { writeFileSync } from 'node:fs';

const WIDTH = 640;
const HEIGHT = 480;

function cardFrame(code: string): Uint8Array {
  const [symbol] = bwipjs.raw({ bcid: 'code128', text: code }) as { sbs?: number[] }[];
  if (!symbol?.sbs) throw new Error('bwip-js gave no bar pattern');
  const luma = new Uint8Array(WIDTH * HEIGHT).fill(225);
  const scale = 2;
  let x = Math.floor((WIDTH - symbol.sbs.reduce((sum, m) => sum + m, 0) * scale) / 2);
  symbol.sbs.forEach((modules, i) => {
    if (i % 2 === 0) {
      for (let dx = 0; dx < modules * scale; dx++)
        for (let y = 170; y < 310; y++) luma[y * WIDTH + x + dx] = 25;
    }
    x += modules * scale;
  });
  return luma;
}

export function writeCardY4m(path: string, code: string): void {
  const luma = cardFrame(code);
  const chroma = new Uint8Array((WIDTH / 2) * (HEIGHT / 2) * 2).fill(128);
  const frames: Buffer[] = [Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`)];
  for (let i = 0; i < 30; i++)
    frames.push(Buffer.from('FRAME\n'), Buffer.from(luma), Buffer.from(chroma));
  writeFileSync(path, Buffer.concat(frames));
}
