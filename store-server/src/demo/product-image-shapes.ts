// One simple drawing per kind of product, on a 600 × 600 card, centred
// around (300, 220). `fill` is the product's colour, `ink` a darker outline.
import type { ShapeName } from './subcategory';

interface ShapeColours {
  fill: string;
  ink: string;
  light: string;
}

type Draw = (c: ShapeColours) => string;

const path = (d: string, fill: string, ink: string): string =>
  `<path d="${d}" fill="${fill}" stroke="${ink}" stroke-width="4" stroke-linejoin="round"/>`;
const line = (d: string, ink: string, width = 4): string =>
  `<path d="${d}" fill="none" stroke="${ink}" stroke-width="${width}" stroke-linecap="round"/>`;
const rect = (
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
  fill: string,
  ink: string,
): string =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${r}" fill="${fill}" stroke="${ink}" stroke-width="4"/>`;
const circle = (cx: number, cy: number, r: number, fill: string, ink: string): string =>
  `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}" stroke="${ink}" stroke-width="4"/>`;

export const SHAPES: Readonly<Record<ShapeName, Draw>> = {
  top: ({ fill, ink }) =>
    path(
      'M230 130 L270 112 Q300 138 330 112 L370 130 L412 190 L376 210 L360 192 L360 330 L240 330 L240 192 L224 210 L188 190 Z',
      fill,
      ink,
    ),
  dress: ({ fill, ink }) =>
    path('M272 108 L328 108 L326 170 L386 336 L214 336 L274 170 Z', fill, ink) +
    line('M276 170 L324 170', ink),
  trousers: ({ fill, ink }) =>
    path('M238 110 L362 110 L374 336 L318 336 L300 182 L282 336 L226 336 Z', fill, ink) +
    line('M238 132 L362 132', ink),
  skirt: ({ fill, ink }) =>
    rect(252, 118, 96, 22, 4, fill, ink) + path('M254 140 L346 140 L390 316 L210 316 Z', fill, ink),
  outerwear: ({ fill, ink }) =>
    path(
      'M226 120 L272 104 L300 150 L328 104 L374 120 L408 322 L368 322 L360 206 L360 340 L240 340 L240 206 L232 322 L192 322 Z',
      fill,
      ink,
    ) +
    line('M300 150 L300 340', ink) +
    circle(312, 220, 5, ink, ink) +
    circle(312, 270, 5, ink, ink),
  shoe: ({ fill, ink, light }) =>
    path(
      'M188 288 L190 222 Q204 208 232 216 L284 240 Q334 252 384 262 Q414 270 412 288 Z',
      fill,
      ink,
    ) +
    rect(184, 288, 232, 18, 6, light, ink) +
    line('M250 232 L262 252 M268 238 L280 258', ink, 3),
  bag: ({ fill, ink }) =>
    line('M254 186 Q300 96 346 186', ink, 8) +
    path('M214 184 L386 184 L402 334 L198 334 Z', fill, ink),
  scarf: ({ fill, ink }) =>
    path('M236 110 L286 110 L306 330 L256 330 Z', fill, ink) +
    path('M300 110 L350 110 L330 300 L280 300 Z', fill, ink) +
    line('M262 330 L260 350 M276 330 L276 350 M290 330 L292 350 M302 330 L306 350', ink, 3),
  belt: ({ fill, ink, light }) =>
    rect(150, 200, 300, 40, 10, fill, ink) +
    rect(360, 190, 50, 60, 6, 'none', light) +
    line('M385 196 L385 244', light, 5),
  bottle: ({ fill, ink, light }) =>
    path(
      'M284 92 L316 92 L316 152 Q346 172 346 204 L346 342 L254 342 L254 204 Q254 172 284 152 Z',
      fill,
      ink,
    ) + rect(264, 236, 72, 64, 4, light, ink),
  wedge: ({ fill, ink, light }) =>
    path('M196 300 L404 300 L404 228 L196 184 Z', fill, ink) +
    path('M196 184 L404 228 L404 214 L230 170 Z', light, ink) +
    circle(260, 250, 12, light, ink) +
    circle(340, 270, 9, light, ink),
  sausage: ({ fill, ink, light }) =>
    `<ellipse cx="270" cy="230" rx="110" ry="46" fill="${fill}" stroke="${ink}" stroke-width="4" transform="rotate(-18 270 230)"/>` +
    circle(380, 300, 34, light, ink) +
    circle(370, 296, 4, fill, ink) +
    circle(390, 306, 4, fill, ink),
  bar: ({ fill, ink }) =>
    rect(210, 130, 180, 190, 8, fill, ink) +
    line('M270 130 L270 320 M330 130 L330 320 M210 193 L390 193 M210 256 L390 256', ink, 3),
  biscuit: ({ fill, ink, light }) =>
    circle(250, 200, 62, fill, ink) +
    circle(348, 268, 62, fill, ink) +
    circle(236, 186, 5, light, ink) +
    circle(262, 214, 5, light, ink) +
    circle(360, 254, 5, light, ink),
  jar: ({ fill, ink, light }) =>
    rect(240, 120, 120, 32, 6, light, ink) +
    rect(226, 152, 148, 180, 22, fill, ink) +
    rect(250, 210, 100, 60, 4, light, ink),
  cup: ({ fill, ink, light }) =>
    path('M218 186 L382 186 L366 318 Q364 334 348 334 L252 334 Q236 334 234 318 Z', fill, ink) +
    line('M382 210 Q430 214 424 252 Q418 288 374 284', ink, 8) +
    line('M270 166 Q260 142 276 122 M300 166 Q290 140 306 118 M330 166 Q320 142 336 122', light, 5),
  headphones: ({ fill, ink }) =>
    line('M220 250 L220 210 Q220 110 300 110 Q380 110 380 210 L380 250', ink, 14) +
    rect(196, 220, 54, 104, 22, fill, ink) +
    rect(350, 220, 54, 104, 22, fill, ink),
  earbuds: ({ fill, ink, light }) =>
    rect(232, 236, 136, 92, 40, light, ink) +
    line('M300 236 L300 252', ink) +
    circle(250, 160, 30, fill, ink) +
    rect(242, 176, 16, 56, 8, fill, ink) +
    circle(350, 160, 30, fill, ink) +
    rect(342, 176, 16, 56, 8, fill, ink),
  speaker: ({ fill, ink, light }) =>
    rect(226, 104, 148, 232, 28, fill, ink) +
    circle(300, 262, 46, light, ink) +
    circle(300, 262, 14, ink, ink) +
    circle(300, 160, 22, light, ink),
  phone: ({ fill, ink, light }) =>
    rect(244, 96, 112, 236, 20, fill, ink) +
    rect(256, 118, 88, 188, 6, light, ink) +
    circle(300, 318, 5, light, ink),
  watch: ({ fill, ink, light }) =>
    rect(268, 96, 64, 236, 16, fill, ink) +
    rect(244, 158, 112, 112, 28, ink, ink) +
    rect(254, 168, 92, 92, 20, light, ink) +
    line('M300 214 L300 188 M300 214 L322 222', ink, 4),
  laptop: ({ fill, ink, light }) =>
    rect(214, 124, 172, 120, 8, fill, ink) +
    rect(226, 136, 148, 96, 4, light, ink) +
    path('M186 262 L414 262 L430 290 L170 290 Z', fill, ink),
  screen: ({ fill, ink, light }) =>
    rect(176, 118, 248, 156, 8, fill, ink) +
    rect(188, 130, 224, 132, 4, light, ink) +
    line('M300 274 L300 306 M250 310 L350 310', ink, 8),
  camera: ({ fill, ink, light }) =>
    rect(258, 136, 56, 30, 6, fill, ink) +
    rect(200, 160, 200, 132, 16, fill, ink) +
    circle(300, 226, 50, light, ink) +
    circle(300, 226, 28, ink, ink) +
    circle(372, 184, 8, light, ink),
  plug: ({ fill, ink, light }) =>
    rect(246, 150, 108, 100, 18, fill, ink) +
    line('M276 150 L276 116 M324 150 L324 116', ink, 10) +
    line('M300 250 Q300 310 250 316 Q200 322 206 346', light, 8),
  battery: ({ fill, ink, light }) =>
    rect(216, 130, 168, 196, 24, fill, ink) +
    rect(240, 164, 120, 24, 6, light, ink) +
    rect(240, 200, 120, 24, 6, light, ink) +
    rect(240, 236, 120, 24, 6, light, ink) +
    rect(282, 116, 36, 14, 4, ink, ink),
};
