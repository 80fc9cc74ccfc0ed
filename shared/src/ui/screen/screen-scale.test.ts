import { describe, expect, it } from 'vitest';
import { MIN_TOUCH_MM, screenScale } from './screen-scale';

describe('screen scale', () => {
  it('sizes a 32-inch 1080×1920 kiosk in either orientation', () => {
    for (const screen of [
      { width: 1080, height: 1920 },
      { width: 1920, height: 1080 },
    ]) {
      const scale = screenScale(screen, 32);
      expect(scale.pxPerMm).toBeCloseTo(2.71, 2);
      expect(scale.bodyPx).toBe(27);
      expect(scale.touchPx).toBe(61);
    }
  });

  it('keeps 15 mm targets on a denser screen', () => {
    const scale = screenScale({ width: 1080, height: 1920 }, 15.6);
    expect(scale.touchPx / scale.pxPerMm).toBeGreaterThanOrEqual(MIN_TOUCH_MM);
    expect(scale.bodyPx).toBe(56);
  });
});
