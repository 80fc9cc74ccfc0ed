// Applies the screen-scale rule to the page, again when the screen turns
// (portrait ⇄ landscape changes nothing physical, but a new screen may).
import { useEffect, useState } from 'react';
import { applyScreenScale, screenScale, type ScreenScale } from './screen-scale';

const measure = (inches: number) =>
  screenScale({ width: window.screen.width, height: window.screen.height }, inches);

export function useScreenScale(inches: number): ScreenScale {
  const [scale, setScale] = useState(() => measure(inches));
  useEffect(() => {
    const update = () => setScale(measure(inches));
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [inches]);
  useEffect(() => applyScreenScale(document.documentElement, scale), [scale]);
  return scale;
}
