// The one rule for how big things are on a touch screen (kiosk, mirror), in
// millimetres on the configured screen (its diagonal in the app's config, 32" by default):
// body text 10 mm to the em (a 5 mm x-height, read at one metre) and touch
// targets at least 15 mm, and never smaller than 2.25 em so a label fits.
// On a 32" 1080×1920 screen: 2.71 px/mm, 27 px text, 61 px targets.
export const BODY_EM_MM = 10;
export const MIN_TOUCH_MM = 15;
const TOUCH_EMS = 2.25;

export type ScreenScale = {
  pxPerMm: number;
  bodyPx: number;
  touchPx: number;
  /** What it was computed from, for the staff overlay. */
  screen: { width: number; height: number; inches: number };
};

export function screenScale(
  screen: { width: number; height: number },
  diagonalInches: number,
): ScreenScale {
  const pxPerMm = Math.hypot(screen.width, screen.height) / (diagonalInches * 25.4);
  const bodyPx = Math.round(BODY_EM_MM * pxPerMm);
  const touchPx = Math.max(Math.ceil(MIN_TOUCH_MM * pxPerMm), Math.ceil(TOUCH_EMS * bodyPx));
  return {
    pxPerMm,
    bodyPx,
    touchPx,
    screen: { width: screen.width, height: screen.height, inches: diagonalInches },
  };
}

/** Sets the scale on the page: the root font size and the --touch length the style sheets use. */
export function applyScreenScale(root: HTMLElement, scale: ScreenScale): void {
  root.style.fontSize = `${scale.bodyPx}px`;
  root.style.setProperty('--touch', `${scale.touchPx}px`);
}
