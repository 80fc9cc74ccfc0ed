import { describe, expect, it } from 'vitest';
import { specLabel } from './spec-labels';

describe('specLabel', () => {
  it('names a known spec in the screen’s language', () => {
    expect(specLabel('battery-life', 'fr')).toBe('Autonomie');
    expect(specLabel('battery-life', 'en')).toBe('Battery life');
  });

  it('shows an unknown key readably, never as a raw slug', () => {
    expect(specLabel('usb_power-delivery', 'en')).toBe('Usb power delivery');
  });
});
