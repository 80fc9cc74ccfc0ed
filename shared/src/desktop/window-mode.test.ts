import { describe, expect, it } from 'vitest';
import { windowMode } from './window-mode';

describe('windowMode', () => {
  it('locks packaged builds whatever the environment says', () => {
    expect(windowMode(true, { VITRINE_KIOSK: '0' })).toEqual({ kiosk: true, devTools: false });
  });

  it('keeps development builds windowed with dev tools unless asked', () => {
    expect(windowMode(false, {})).toEqual({ kiosk: false, devTools: true });
    expect(windowMode(false, { VITRINE_KIOSK: '1' })).toEqual({ kiosk: true, devTools: true });
  });
});
